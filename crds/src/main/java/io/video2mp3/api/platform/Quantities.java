package io.video2mp3.api.platform;

/** Validation patterns shared by the platform's spec types. */
final class Quantities {

  /** A storage size such as 10Gi or 500M (a Kubernetes quantity without fractions or exponents). */
  static final String STORAGE_PATTERN = "^[1-9][0-9]*(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$";

  private Quantities() {
  }
}
