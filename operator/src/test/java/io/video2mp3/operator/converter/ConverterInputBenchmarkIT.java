package io.video2mp3.operator.converter;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kokorin.jaffree.JaffreeException;
import com.github.kokorin.jaffree.ffmpeg.FFmpeg;
import com.github.kokorin.jaffree.ffmpeg.Input;
import com.github.kokorin.jaffree.ffmpeg.PipeInput;
import com.github.kokorin.jaffree.ffmpeg.PipeOutput;
import com.github.kokorin.jaffree.ffmpeg.UrlInput;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the three ways to feed a GridFS video to ffmpeg (docs/benchmarks.md). Off by default;
 * hack/bench/converter-input.sh runs it with {@code -Dconverter.bench=true -Dconverter.bench.input=<mp4>}
 * (an MP4 with the moov at the end, as ffmpeg muxes by default).
 */
@EnabledIfSystemProperty(named = "converter.bench", matches = "true")
class ConverterInputBenchmarkIT {

  private static final int ROUNDS = Integer.getInteger("converter.bench.rounds", 2);
  /** The operator jar; when set, the converter also runs as its own process to measure its memory. */
  private static final String JAR = System.getProperty("converter.bench.jar");
  /** A heap far smaller than the video: the conversion must stream, not hold the file. */
  private static final String HEAP = System.getProperty("converter.bench.heap", "64m");

  @TempDir
  Path work;

  @Test
  void compareInputs() throws Exception {
    Path input = Path.of(System.getProperty("converter.bench.input"));
    Path faststart = work.resolve("faststart.mp4");
    Media.run(List.of(Media.FFMPEG, "-v", "error", "-y", "-i", input.toString(), "-c", "copy",
        "-movflags", "+faststart", faststart.toString()));
    List<String> report = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "input %s: %.1f MB, %.0f s", input.getFileName(),
        Files.size(input) / 1e6, Media.duration(input)));
    try (ConverterMongo mongo = new ConverterMongo()) {
      ObjectId moovAtEnd = mongo.upload(input, "bench.mp4");
      ObjectId fast = mongo.upload(faststart, "bench-faststart.mp4");
      GridFsSource atEnd = GridFsSource.find(mongo.videos(), moovAtEnd);
      GridFsSource atStart = GridFsSource.find(mongo.videos(), fast);
      SourceOpener opener = new SourceOpener(mongo.database, () -> null, HttpSource.Timeouts.DEFAULT, work,
          new SourceAddressGuard(true));

      for (int round = 1; round <= ROUNDS; round++) {
        report.add("round " + round);
        report.add(time("ffmpeg CLI on a local file (baseline)", () -> encode(UrlInput.fromPath(input))));
        report.add(time("pipe from GridFS, moov at the end", () -> {
          try (InputStream in = atEnd.openAt(0)) {
            return encode(PipeInput.pumpFrom(in));
          }
        }));
        report.add(time("pipe from GridFS, faststart", () -> {
          try (InputStream in = atStart.openAt(0)) {
            return encode(PipeInput.pumpFrom(in));
          }
        }));
        report.add(time("seekable input: loopback HTTP range server over GridFS, moov at the end", () -> {
          try (LoopbackRangeServer server = LoopbackRangeServer.start(atEnd, "bench.mp4")) {
            UrlInput url = UrlInput.fromUrl(server.url());
            VideoSource.Streamed.HTTP_OPTIONS.forEach(url::addArgument);
            return encode(url) + ", " + server.requests() + " requests";
          }
        }));
        report.add(time("scratch file: copy from GridFS + ffmpeg on the file", () -> {
          long start = System.nanoTime();
          try (InputStream in = atEnd.openAt(0); VideoSource copy = opener.copyToScratch(in, "bench.mp4")) {
            double copySeconds = (System.nanoTime() - start) / 1e9;
            Path file = work.resolve(Files.list(work).filter(p -> p.getFileName().toString().startsWith("source-"))
                .findFirst().orElseThrow().getFileName());
            return encode(UrlInput.fromPath(file)) + String.format(Locale.ROOT, ", copy %.2f s", copySeconds);
          }
        }));
        report.add(time("whole converter (ConvertCommand: probe + seekable input + upload + progress)", () -> {
          String uid = UUID.randomUUID().toString();
          int exit = ConvertCommand.run(Map.of("MONGODB_URI", mongo.uri, "CONVERSION_NAMESPACE", "bench",
              "CONVERSION_NAME", "bench", "CONVERSION_UID", uid, "SOURCE_FILE_ID", moovAtEnd.toHexString(),
              "OUTPUT_BITRATE", "192k", "TERMINATION_LOG", work.resolve("termination-log").toString(),
              "SCRATCH_DIR", work.toString(), "FFMPEG_BIN", Media.FFMPEG));
          assertThat(exit).isZero();
          return Files.readString(work.resolve("termination-log")).strip();
        }));
        if (JAR != null) {
          report.add(time("converter as its own JVM, -Xmx" + HEAP + " (java -jar operator.jar convert)",
              () -> ownProcess(mongo.uri, moovAtEnd)));
        }
      }
    }
    String text = String.join("\n", report);
    System.out.println(text);
    Files.writeString(Path.of("target", "converter-bench.txt"), text + "\n");
  }

  /**
   * Runs the converter the way the Job does, under GNU time: its peak RSS is the largest of the JVM
   * and ffmpeg (time reports the biggest process of the tree, not the sum).
   */
  private String ownProcess(String mongoUri, ObjectId source) throws Exception {
    Path timeFile = work.resolve("time.txt");
    Path log = work.resolve("convert.log");
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/time", "-f", "%M", "-o", timeFile.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP,
        "-jar", JAR, "convert")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(Map.of("MONGODB_URI", mongoUri, "CONVERSION_NAMESPACE", "bench",
        "CONVERSION_NAME", "bench-process", "CONVERSION_UID", UUID.randomUUID().toString(),
        "SOURCE_FILE_ID", source.toHexString(), "OUTPUT_BITRATE", "192k",
        "TERMINATION_LOG", work.resolve("termination-log").toString(), "SCRATCH_DIR", work.toString(),
        "FFMPEG_BIN", Media.FFMPEG));
    int exit = pb.start().waitFor();
    assertThat(exit).as(Files.readString(log)).isZero();
    List<String> timeLines = Files.readAllLines(timeFile);
    long peakKb = Long.parseLong(timeLines.get(timeLines.size() - 1).strip());
    return String.format(Locale.ROOT, "peak RSS %.0f MB (largest process: JVM or ffmpeg)", peakKb / 1024.0);
  }

  interface Step {
    String run() throws Exception;
  }

  private static String time(String what, Step step) throws Exception {
    long start = System.nanoTime();
    String result;
    try {
      result = step.run();
    } catch (JaffreeException e) {
      result = "FAILED: " + e.getMessage();
    }
    return String.format(Locale.ROOT, "  %-70s %6.2f s  %s", what, (System.nanoTime() - start) / 1e9, result);
  }

  /** Encodes the first audio stream to MP3 into a counting sink; returns the output size. */
  private static String encode(Input input) {
    AtomicLong bytes = new AtomicLong();
    OutputStream sink = new OutputStream() {
      @Override
      public void write(int b) {
        bytes.incrementAndGet();
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes.addAndGet(len);
      }
    };
    new FFmpeg(Path.of(Media.FFMPEG))
        .addArguments("-abort_on", "empty_output")
        .addInput(input)
        .addOutput(PipeOutput.pumpTo(sink).setFormat("mp3")
            .addArguments("-map", "0:a:0").addArgument("-vn")
            .addArguments("-c:a", "libmp3lame").addArguments("-b:a", "192k"))
        .execute();
    return String.format(Locale.ROOT, "mp3 %.2f MB", bytes.get() / 1e6);
  }
}
