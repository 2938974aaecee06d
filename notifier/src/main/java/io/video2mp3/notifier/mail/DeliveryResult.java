package io.video2mp3.notifier.mail;

/** How sending one email ended, after all attempts. */
public record DeliveryResult(boolean sent, int attempts, boolean permanent, String failure) {

  public static DeliveryResult sent(int attempts) {
    return new DeliveryResult(true, attempts, false, null);
  }

  public static DeliveryResult failed(int attempts, boolean permanent, String failure) {
    return new DeliveryResult(false, attempts, permanent, failure);
  }
}
