package io.video2mp3.operator.converter;

import com.mongodb.ConnectionString;
import io.video2mp3.api.storage.StorageLayout;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;

/**
 * The converter's settings, read once from the environment the Job gives its container.
 * {@link #fromEnv} throws {@link IllegalArgumentException} with a one-line message naming the
 * variable; the command turns that into exit 1 (a misconfigured Job, not a bad input).
 */
public record ConvertSettings(
    String mongoUri,
    String database,
    String namespace,
    String name,
    String uid,
    Optional<ObjectId> sourceFileId,
    Optional<URI> sourceUrl,
    Optional<String> sourceFilename,
    String outputFormat,
    String bitrate,
    Path terminationLog,
    Path scratchDir,
    Path ffmpegBin,
    Path ffprobeBin,
    boolean allowPrivateSourceAddresses) {

  public static final String DEFAULT_MONGODB_URI = "mongodb://127.0.0.1:27017/" + StorageLayout.DEFAULT_DATABASE;
  public static final String DEFAULT_TERMINATION_LOG = "/dev/termination-log";
  public static final String DEFAULT_SCRATCH_DIR = "/scratch";
  /** libmp3lame's range of constant bitrates. */
  static final int MIN_KBPS = 8;
  static final int MAX_KBPS = 320;
  private static final Pattern BITRATE = Pattern.compile("^[0-9]{1,3}k$");

  /** The requested bitrate in bits per second ("192k" → 192000). */
  public long bitsPerSecond() {
    return Long.parseLong(bitrate.substring(0, bitrate.length() - 1)) * 1000L;
  }

  public static ConvertSettings fromEnv(Map<String, String> env) {
    String mongoUri = value(env, "MONGODB_URI").orElse(DEFAULT_MONGODB_URI);
    String database;
    try {
      database = Optional.ofNullable(new ConnectionString(mongoUri).getDatabase())
          .filter(d -> !d.isBlank()).orElse(StorageLayout.DEFAULT_DATABASE);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("MONGODB_URI is not a valid MongoDB connection string");
    }
    String namespace = required(env, "CONVERSION_NAMESPACE");
    String name = required(env, "CONVERSION_NAME");
    String uid = required(env, "CONVERSION_UID");

    Optional<String> fileId = value(env, "SOURCE_FILE_ID");
    Optional<String> url = value(env, "SOURCE_URL");
    if (fileId.isPresent() == url.isPresent()) {
      throw new IllegalArgumentException("exactly one of SOURCE_FILE_ID and SOURCE_URL must be set");
    }
    Optional<ObjectId> objectId = fileId.map(id -> {
      if (!ObjectId.isValid(id)) {
        throw new IllegalArgumentException("SOURCE_FILE_ID is not an ObjectId: " + id);
      }
      return new ObjectId(id);
    });
    Optional<URI> uri = url.map(ConvertSettings::httpUri);

    String format = value(env, "OUTPUT_FORMAT").orElse("mp3").toLowerCase(Locale.ROOT);
    if (!format.equals("mp3")) {
      throw new IllegalArgumentException("OUTPUT_FORMAT " + format + " is not supported (only mp3)");
    }
    String bitrate = value(env, "OUTPUT_BITRATE").orElse("192k").toLowerCase(Locale.ROOT);
    if (!BITRATE.matcher(bitrate).matches()) {
      throw new IllegalArgumentException("OUTPUT_BITRATE must look like 192k, not " + bitrate);
    }
    int kbps = Integer.parseInt(bitrate.substring(0, bitrate.length() - 1));
    if (kbps < MIN_KBPS || kbps > MAX_KBPS) {
      throw new IllegalArgumentException(
          "OUTPUT_BITRATE must be between " + MIN_KBPS + "k and " + MAX_KBPS + "k, not " + bitrate);
    }
    return new ConvertSettings(mongoUri, database, namespace, name, uid, objectId, uri,
        value(env, "SOURCE_FILENAME"), format, bitrate,
        Path.of(value(env, "TERMINATION_LOG").orElse(DEFAULT_TERMINATION_LOG)),
        Path.of(value(env, "SCRATCH_DIR").orElse(DEFAULT_SCRATCH_DIR)),
        Path.of(value(env, "FFMPEG_BIN").orElse("ffmpeg")),
        Path.of(value(env, "FFPROBE_BIN").orElse(siblingFfprobe(env))),
        flag(env, "ALLOW_PRIVATE_SOURCE_ADDRESSES"));
  }

  /** Without FFPROBE_BIN, ffprobe next to an explicit FFMPEG_BIN, else the one on PATH. */
  private static String siblingFfprobe(Map<String, String> env) {
    return value(env, "FFMPEG_BIN")
        .map(Path::of)
        .filter(p -> p.getParent() != null)
        .map(p -> p.getParent().resolve("ffprobe").toString())
        .orElse("ffprobe");
  }

  private static URI httpUri(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("SOURCE_URL is not a valid URL: " + url);
    }
    String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("SOURCE_URL must be an http(s) URL: " + url);
    }
    return uri;
  }

  private static boolean flag(Map<String, String> env, String key) {
    String text = value(env, key).orElse("false").toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false, not " + text);
    }
    return text.equals("true");
  }

  private static String required(Map<String, String> env, String key) {
    return value(env, key).orElseThrow(() -> new IllegalArgumentException(key + " is required"));
  }

  private static Optional<String> value(Map<String, String> env, String key) {
    return Optional.ofNullable(env.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
