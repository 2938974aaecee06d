package io.video2mp3.operator.converter;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.video2mp3.api.storage.StorageLayout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar operator.jar convert}: one conversion, inside its Job. Exit 0 when the MP3 is
 * stored, 2 when the input can never become one (the Job fails at once), 1 for anything a retry may
 * fix and for misconfiguration. Every outcome leaves a one-line JSON summary in the termination log
 * and a one-line reason on stderr.
 */
public final class ConvertCommand {

  private static final Logger LOG = LoggerFactory.getLogger(ConvertCommand.class);

  private final ConvertSettings settings;
  private final Clock clock;

  ConvertCommand(ConvertSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public static int run(Map<String, String> env) {
    ConvertSettings settings;
    try {
      settings = ConvertSettings.fromEnv(env);
    } catch (IllegalArgumentException e) {
      String path = env.getOrDefault("TERMINATION_LOG", ConvertSettings.DEFAULT_TERMINATION_LOG);
      // the variable's name is for the operator's log, not for the conversion's owner
      System.err.println("converter: invalid settings: " + e.getMessage());
      return fail(new TerminationLog(Path.of(path.isBlank() ? ConvertSettings.DEFAULT_TERMINATION_LOG : path)),
          ExitCodes.FAILED, "the conversion Job is misconfigured");
    }
    SourceAddressGuard.pinDnsAnswers();
    return new ConvertCommand(settings, Clock.systemUTC()).execute();
  }

  int execute() {
    TerminationLog log = new TerminationLog(settings.terminationLog());
    MongoClientSettings mongoSettings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(settings.mongoUri()))
        .applyToClusterSettings(c -> c.serverSelectionTimeout(30, TimeUnit.SECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS))
        .applicationName("video2mp3-converter")
        .build();
    try (MongoClient client = MongoClients.create(mongoSettings)) {
      MongoDatabase database = client.getDatabase(settings.database());
      TerminationLog.Summary summary = convert(database);
      log.write(summary);
      LOG.info("converted {} to {} ({} bytes, {} s, {}{})", settings.name(), summary.fileId(),
          summary.sizeBytes(), summary.durationSeconds(), summary.bitrate(),
          Boolean.TRUE.equals(summary.copied()) ? ", copied" : "");
      return ExitCodes.OK;
    } catch (ConversionException e) {
      // the message is the user's; the cause (addresses, ffmpeg's words) only goes to the log
      LOG.warn("conversion failed: {}", e.getMessage(), e.getCause());
      return fail(log, e.exitCode(), e.getMessage());
    } catch (RuntimeException e) {
      // MongoDB unreachable, timeouts, bugs: worth a retry
      LOG.warn("conversion failed", e);
      return fail(log, ExitCodes.FAILED, "the conversion failed for an internal reason; it is retried");
    }
  }

  private TerminationLog.Summary convert(MongoDatabase database) throws ConversionException {
    var progressCollection = database.getCollection(StorageLayout.PROGRESS_COLLECTION);
    ProgressRecorder progress = new ProgressRecorder(settings.uid(), ProgressRecorder.Store.mongo(progressCollection,
        settings.namespace()), clock);
    progress.report(0);
    CancellationWatch cancellation = new CancellationWatch(progressCollection, settings.uid(), clock,
        CancellationWatch.DEFAULT_INTERVAL);
    if (cancellation.cancelledNow()) {
      throw ConversionException.transientFailure("the conversion was deleted before it started", null);
    }
    SourceOpener opener = new SourceOpener(database, () -> HttpSource.newClient(HttpSource.Timeouts.DEFAULT),
        HttpSource.Timeouts.DEFAULT, settings.scratchDir(), new SourceAddressGuard(settings.allowPrivateSourceAddresses()));
    try (VideoSource source = opener.open(settings)) {
      ProbeResult probe = new MediaProbe(settings.ffprobeBin()).probe(source);
      boolean copy = probe.canCopy(settings.bitsPerSecond());
      String bitrate = copy ? kbps(probe.audioBitrate().getAsLong()) : settings.bitrate();
      LOG.info("{}: {} bytes, {} with {} audio ({} s, {} bit/s) -> {}", source.filename(), source.size(),
          probe.formatName(), probe.audioCodec(), probe.duration(), probe.audioBitrate(),
          copy ? "copy" : "libmp3lame " + bitrate);

      Mp3Store store = new Mp3Store(database);
      store.deleteEarlier(settings.uid());
      Mp3Store.Upload upload = store.open(settings.uid(), mp3Name(source.filename()), metadata(bitrate),
          cancellation);
      Mp3Transcoder.Result result;
      try {
        result = new Mp3Transcoder(settings.ffmpegBin()).transcode(source, copy, bitrate, upload.stream(),
            millis -> progress.report(probe.percentAt(millis)), upload::failure);
        var problem = probe.checkOutputDuration(result.outputSeconds());
        if (problem.isPresent()) {
          // ffmpeg ends a read failure like end of input and exits 0: a short output is only the
          // file's fault if reading the source never failed
          throw source.readFailure().isPresent()
              ? ConversionException.transientFailure(
                  FfmpegFailures.readFailureReason(source.readFailure().get()), source.readFailure().get())
              : ConversionException.permanent(problem.get());
        }
      } catch (ConversionException | RuntimeException e) {
        upload.abort();
        throw e;
      }
      upload.finish(result.outputSeconds(), bitrate);
      progress.complete();
      return TerminationLog.Summary.succeeded(settings.uid(), upload.bytes(), result.outputSeconds(), bitrate,
          copy, copy ? "copied the MP3 audio stream" : "");
    }
  }

  private Document metadata(String bitrate) {
    return new Document(StorageLayout.META_NAMESPACE, settings.namespace())
        .append(StorageLayout.META_CONVERSION, settings.name())
        .append(StorageLayout.META_CONTENT_TYPE, "audio/mpeg")
        .append(StorageLayout.META_BITRATE, bitrate);
  }

  /** "talk.final.mp4" → "talk.final.mp3"; paths and odd names reduce to a safe base name. */
  static String mp3Name(String original) {
    String base = original == null ? "" : original.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    base = base.replaceAll("[\\p{Cntrl}\"]", "").trim();
    return (base.isEmpty() ? "audio" : base) + ".mp3";
  }

  static String kbps(long bitsPerSecond) {
    return String.format(Locale.ROOT, "%dk", Math.round(bitsPerSecond / 1000.0));
  }

  private static int fail(TerminationLog log, int exitCode, String message) {
    TerminationLog.Summary summary = TerminationLog.Summary.failed(message);
    log.write(summary);
    System.err.println("converter: " + (exitCode == ExitCodes.NOT_CONVERTIBLE ? "not convertible: " : "failed: ")
        + summary.message());
    return exitCode;
  }
}
