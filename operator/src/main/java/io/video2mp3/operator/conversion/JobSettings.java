package io.video2mp3.operator.conversion;

/**
 * What every conversion Job shares: where MONGODB_URI comes from, resources; and the environment's
 * image and TTL, which a namespace's ConversionPlatform may override (see {@link ConversionSettings}).
 */
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
