package io.video2mp3.notifier.messaging;

/** What the consumer tells the broker about one delivery. */
public enum Outcome {
  /** Done (sent, or a duplicate): remove it. */
  ACK,
  /** Can never succeed: reject without requeue, the queue dead-letters it to {@code mp3.dead}. */
  DEAD_LETTER,
  /**
   * A dependency (MongoDB, the SMTP server) is still down after the in-process wait: the same event is
   * published again to the back of the queue, then the delivery acked, so that no outage, however long,
   * reaches the queue's delivery limit.
   */
  RETRY_LATER,
  /** Shutting down mid-delivery: put it straight back (the broker redelivers it to the next consumer). */
  REQUEUE
}
