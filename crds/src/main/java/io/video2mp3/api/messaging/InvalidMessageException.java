package io.video2mp3.api.messaging;

/** A message that can never be processed, however often it is redelivered: dead-letter it. */
public class InvalidMessageException extends Exception {

  public InvalidMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
