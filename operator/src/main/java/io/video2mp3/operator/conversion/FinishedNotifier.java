package io.video2mp3.operator.conversion;

import io.video2mp3.api.messaging.ConfirmedPublisher.PublishException;
import io.video2mp3.api.messaging.ConversionFinished;

/** Publishes ConversionFinished; returns only once the broker confirmed it. */
public interface FinishedNotifier {

  void publish(ConversionFinished event) throws PublishException;
}
