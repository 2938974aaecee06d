package io.video2mp3.operator.conversion;

/** What every conversion Job shares: image, where MONGODB_URI comes from, resources, TTL. */
public record JobSettings(
    String image,
    String imagePullPolicy,
    String mongoSecretName,
    String mongoSecretKey,
    String cpuRequest,
    String memoryRequest,
    String cpuLimit,
    String memoryLimit,
    int ttlSecondsAfterFinished,
    String scratchSizeLimit) {
}
