package io.video2mp3.api.conversion.validation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.video2mp3.api.conversion.VideoConversionSpec;
import java.io.IOException;

/**
 * The counterpart of {@link LenientSpecDeserializer}: an unreadable spec is written as the JSON it
 * was read from (so a copy made through JSON, as JOSDK's cache makes them, still says why it is
 * unreadable); a readable one as usual. Its schema is the spec type's own.
 */
public class LenientSpecSerializer extends StdSerializer<VideoConversionSpec> {

  public LenientSpecSerializer() {
    super(VideoConversionSpec.class);
  }

  @Override
  public void serialize(VideoConversionSpec spec, JsonGenerator generator, SerializerProvider provider)
      throws IOException {
    if (spec.raw() != null) {
      generator.writeTree(spec.raw());
    } else {
      // The type's own serializer: this one is bound to the property, not to the class.
      provider.findValueSerializer(VideoConversionSpec.class).serialize(spec, generator, provider);
    }
  }

  @Override
  public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType type) throws JsonMappingException {
    visitor.getProvider().findValueSerializer(VideoConversionSpec.class).acceptJsonFormatVisitor(visitor, type);
  }
}
