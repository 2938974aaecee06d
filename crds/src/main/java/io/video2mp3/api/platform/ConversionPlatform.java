package io.video2mp3.api.platform;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.video2mp3.api.conversion.VideoConversion;
import java.util.List;

/**
 * The platform's stateful services in one namespace: the operator provisions a MongoDB replica set
 * and a RabbitMQ cluster from it, declares the queues, and publishes their URIs in a Secret.
 * One per namespace.
 */
@Group(VideoConversion.GROUP)
@Version(VideoConversion.VERSION)
@Singular("conversionplatform")
@Plural("conversionplatforms")
@ShortNames("cp")
@Categories("video2mp3")
@AdditionalPrinterColumn(name = "MONGODB", jsonPath = ".status.mongodb.readyMembers", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "RABBITMQ", jsonPath = ".status.rabbitmq.readyMembers", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "SECRET", jsonPath = ".status.connectionSecret")
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class ConversionPlatform extends CustomResource<ConversionPlatformSpec, ConversionPlatformStatus>
    implements Namespaced {

  public static final String CRD_NAME = "conversionplatforms." + VideoConversion.GROUP;
  /** Classpath location of the CRD YAML, for installing it into a (mock) API server. */
  public static final String CRD_RESOURCE = "/META-INF/crds/" + CRD_NAME + "-v1.yml";
  /** The order {@code kubectl get cp} shows the columns in, after NAME. */
  public static final List<String> PRINTER_COLUMN_ORDER = List.of("MONGODB", "RABBITMQ", "SECRET", "AGE");

  @Override
  protected ConversionPlatformSpec initSpec() {
    return new ConversionPlatformSpec();
  }

  @Override
  protected ConversionPlatformStatus initStatus() {
    return new ConversionPlatformStatus();
  }
}
