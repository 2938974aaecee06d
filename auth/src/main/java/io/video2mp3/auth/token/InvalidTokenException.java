package io.video2mp3.auth.token;

/** A token that must not be accepted. The message is safe to show to the client. */
public class InvalidTokenException extends RuntimeException {

  public InvalidTokenException(String message) {
    super(message, null, false, false);
  }
}
