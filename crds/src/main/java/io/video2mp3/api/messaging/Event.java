package io.video2mp3.api.messaging;

/** A JSON event on the {@value Topology#EXCHANGE} exchange. */
public interface Event {

  int CURRENT_VERSION = 1;

  /** Stable per event, so that consumers can drop duplicates. */
  String messageId();

  String routingKey();

  static void require(String expectedType, String type, int version) {
    if (!expectedType.equals(type)) {
      throw new IllegalArgumentException("type must be " + expectedType + ", was " + type);
    }
    if (version != CURRENT_VERSION) {
      throw new IllegalArgumentException("unsupported version " + version + " of " + expectedType);
    }
  }

  static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }

  static void requireValue(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
  }
}
