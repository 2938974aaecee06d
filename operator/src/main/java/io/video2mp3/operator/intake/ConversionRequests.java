package io.video2mp3.operator.intake;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionSpec;
import io.video2mp3.api.messaging.ConversionRequested;
import io.video2mp3.api.messaging.InvalidMessageException;
import java.util.regex.Pattern;

/**
 * Turns a ConversionRequested message into the VideoConversion it asks for. Pure. Checks what the
 * CRD's schema would refuse, so a message that can never become a resource is dead-lettered at once
 * (the API server would refuse it too; the mock server used in tests does not validate).
 */
public final class ConversionRequests {

  public static final String REQUESTED_AT_ANNOTATION = VideoConversion.GROUP + "/requested-at";
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern FILE_ID = Pattern.compile("^[0-9a-f]{24}$");

  private ConversionRequests() {
  }

  public static VideoConversion toResource(ConversionRequested request) throws InvalidMessageException {
    check(request.name().length() <= 253 && DNS_SUBDOMAIN.matcher(request.name()).matches(),
        "name '" + request.name() + "' is not a valid Kubernetes name");
    check(request.namespace().length() <= 63 && DNS_LABEL.matcher(request.namespace()).matches(),
        "namespace '" + request.namespace() + "' is not a valid Kubernetes namespace");
    Source source = request.source();
    check((source.fileId() == null) != (source.url() == null), "set exactly one of source.fileId or source.url");
    check(source.fileId() == null || FILE_ID.matcher(source.fileId()).matches(),
        "source.fileId must be 24 hex digits");
    check(source.url() == null || source.url().matches("^https?://.+"), "source.url must be an http(s) URL");
    OutputSpec output = request.output();
    check(output.format() != null, "output.format is required");
    check(output.bitrate() != null && output.bitrate().matches(OutputSpec.BITRATE_PATTERN),
        "output.bitrate must look like 192k");

    VideoConversion conversion = new VideoConversion();
    var meta = new ObjectMetaBuilder().withName(request.name()).withNamespace(request.namespace());
    if (request.requestedAt() != null) {
      meta.addToAnnotations(REQUESTED_AT_ANNOTATION, request.requestedAt().toString());
    }
    conversion.setMetadata(meta.build());
    VideoConversionSpec spec = new VideoConversionSpec(source, output, request.owner());
    conversion.setSpec(spec);
    return conversion;
  }

  private static void check(boolean ok, String message) throws InvalidMessageException {
    if (!ok) {
      throw new InvalidMessageException("invalid ConversionRequested: " + message, null);
    }
  }
}
