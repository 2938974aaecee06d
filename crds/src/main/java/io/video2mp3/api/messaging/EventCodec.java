package io.video2mp3.api.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON mapping of the events, the same in every service. */
public class EventCodec {

  public static final String CONTENT_TYPE = "application/json";

  private final ObjectMapper mapper = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      // Newer producers may add fields; older consumers keep working.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  public byte[] encode(Event event) {
    try {
      return mapper.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot encode " + event.getClass().getSimpleName(), e);
    }
  }

  /** Parses and validates an event; anything that can never become a valid event is an {@link InvalidMessageException}. */
  public <T extends Event> T decode(byte[] body, Class<T> type) throws InvalidMessageException {
    try {
      T event = mapper.readValue(body, type);
      if (event == null) {
        throw new InvalidMessageException("empty message, expected " + type.getSimpleName(), null);
      }
      return event;
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InvalidMessageException("invalid " + type.getSimpleName() + ": " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new InvalidMessageException("not a " + type.getSimpleName() + " JSON document: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidMessageException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
