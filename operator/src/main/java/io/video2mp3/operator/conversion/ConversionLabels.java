package io.video2mp3.operator.conversion;

import io.video2mp3.api.conversion.VideoConversion;
import java.util.LinkedHashMap;
import java.util.Map;

/** Labels on everything the operator creates for a conversion. */
public final class ConversionLabels {

  public static final String CONVERSION = VideoConversion.GROUP + "/conversion";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "video2mp3-operator";
  /** Equality selector the Job informer uses (the mock API server ignores set-based ones). */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;

  private ConversionLabels() {
  }

  public static Map<String, String> forConversion(String conversionName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", "video2mp3-converter");
    labels.put("app.kubernetes.io/instance", truncate(conversionName));
    labels.put("app.kubernetes.io/component", "converter");
    labels.put("app.kubernetes.io/part-of", "video2mp3");
    labels.put(MANAGED_BY, MANAGER);
    labels.put(CONVERSION, truncate(conversionName));
    return labels;
  }

  /** Label values are limited to 63 characters. */
  static String truncate(String value) {
    return value.length() <= 63 ? value : value.substring(0, 63).replaceAll("[-_.]+$", "");
  }
}
