package io.video2mp3.notifier.messaging;

/** What the consumer tells the broker about one delivery. */
public enum Outcome {
  /** Done (sent, or a duplicate): remove it. */
  ACK,
  /** Can never succeed: reject without requeue, the queue dead-letters it to {@code mp3.dead}. */
  DEAD_LETTER,
  /** A dependency (MongoDB) is down: put it back after a delay. */
  REQUEUE
}
