package io.video2mp3.api.conversion.validation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.video2mp3.api.conversion.VideoConversionSpec;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a spec that does not fit the Java types (an unknown format, a number past the int range, a
 * wrong type) as an {@linkplain VideoConversionSpec#unreadable() unreadable} spec instead of
 * failing: one such resource would otherwise stop every informer that lists it (the operator's,
 * the gateway's). The validator then reports it on that resource alone.
 */
public class LenientSpecDeserializer extends StdDeserializer<VideoConversionSpec> {

  public LenientSpecDeserializer() {
    super(VideoConversionSpec.class);
  }

  @Override
  public VideoConversionSpec deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode tree = context.readTree(parser);
    try {
      return context.readTreeAsValue(tree, VideoConversionSpec.class);
    } catch (JacksonException | IllegalArgumentException e) {
      return VideoConversionSpec.unreadable(describe(e), tree);
    }
  }

  /** Names the field and what is wrong with it, without Java class names. */
  static String describe(Exception e) {
    String field = "spec";
    if (e instanceof JsonMappingException mapping) {
      field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("", "spec", ""));
    }
    if (e instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      String known = Arrays.stream(format.getTargetType().getEnumConstants())
          .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
      return field + ": unknown value " + format.getValue() + " (known: " + known + ")";
    }
    Throwable cause = e.getCause() instanceof JacksonException inner ? inner : e;
    String message = cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : cause.getMessage();
    message = String.valueOf(message).lines().findFirst().orElse("")
        .replaceAll("(?<![A-Za-z0-9_])(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1").replace("`", "");
    return field + ": " + message;
  }
}
