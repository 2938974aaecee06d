package io.video2mp3.api.conversion;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.video2mp3.api.platform.ConversionPlatform;
import java.io.File;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Generates the CRD YAML with fabric8's crd-generator; run by the build (exec plugin, test
 * classpath so the generator never reaches the runtime jars).
 */
public final class CrdGeneration {

  private CrdGeneration() {
  }

  public static void main(String[] args) {
    File outputDir = new File(args[0]);
    if (!outputDir.isDirectory() && !outputDir.mkdirs()) {
      throw new IllegalStateException("cannot create " + outputDir);
    }
    new CRDGenerator()
        .customResourceClasses(VideoConversion.class, ConversionPlatform.class)
        .forCRDVersions("v1")
        .withPostProcessor(new PrinterColumns().then(new SchemaDescriptions()))
        .inOutputDir(outputDir)
        .generate();
  }

  /**
   * The generator sorts printer columns by JSON path; users read them in the declared order. It also
   * writes {@code priority: 0}, which the API server drops (a re-apply would report a change).
   */
  static final class PrinterColumns implements CRDPostProcessor {
    private static final Map<String, List<String>> ORDER = Map.of(
        VideoConversion.CRD_NAME, VideoConversion.PRINTER_COLUMN_ORDER,
        ConversionPlatform.CRD_NAME, ConversionPlatform.PRINTER_COLUMN_ORDER);

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      if (crd instanceof CustomResourceDefinition definition
          && ORDER.containsKey(definition.getMetadata().getName())) {
        List<String> order = ORDER.get(definition.getMetadata().getName());
        definition.getSpec().getVersions().forEach(version -> {
          version.getAdditionalPrinterColumns().sort(Comparator.comparingInt(column -> position(order, column)));
          version.getAdditionalPrinterColumns().stream()
              .filter(column -> Integer.valueOf(0).equals(column.getPriority()))
              .forEach(column -> column.setPriority(null));
        });
      }
      return crd;
    }

    /** The generator takes one post-processor: this one, then the next. */
    CRDPostProcessor then(CRDPostProcessor next) {
      PrinterColumns first = this;
      return new CRDPostProcessor() {
        @Override
        public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
          return next.process(first.process(crd, crdSpecVersion), crdSpecVersion);
        }
      };
    }
  }

  private static int position(List<String> order, CustomResourceColumnDefinition column) {
    int index = order.indexOf(column.getName());
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
