package io.video2mp3.operator.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackRangeServerTest {

  private static final int SIZE = 3 * 1024 * 1024 + 17;

  private final BytesSource source = BytesSource.random(SIZE);
  private final List<LoopbackRangeServer> servers = new ArrayList<>();

  @AfterEach
  void close() {
    servers.forEach(LoopbackRangeServer::close);
  }

  private URI start(SeekableSource s) throws IOException {
    LoopbackRangeServer server = LoopbackRangeServer.start(s, "talk.final.mp4");
    servers.add(server);
    return URI.create(server.url());
  }

  @Test
  void servesOneUnguessableResourceOnLoopbackKeepingTheExtension() throws IOException {
    URI first = start(source);
    URI second = start(source);

    assertThat(first.getHost()).isEqualTo("127.0.0.1");
    assertThat(first.getPath()).matches("/[0-9a-f]{32}/video\\.mp4");
    assertThat(second.getPath()).isNotEqualTo(first.getPath());
    URI guessed = first.resolve("/video.mp4");
    assertThat(RawHttp.send("GET", guessed, Optional.empty()).status()).isEqualTo(404);
    assertThat(RawHttp.send("POST", first, Optional.empty()).status()).isEqualTo(405);
  }

  @Test
  void getWithoutRangeIsTheWholeResource() throws IOException {
    RawHttp.Response r = RawHttp.send("GET", start(source), Optional.empty());

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Length")).contains(Integer.toString(SIZE));
    assertThat(r.header("Accept-Ranges")).contains("bytes");
    assertThat(r.body()).isEqualTo(source.bytes(0, SIZE - 1));
  }

  @Test
  void closedRange() throws IOException {
    RawHttp.Response r = RawHttp.send("GET", start(source), Optional.of("bytes=1000-1999"));

    assertThat(r.status()).isEqualTo(206);
    assertThat(r.header("Content-Range")).contains("bytes 1000-1999/" + SIZE);
    assertThat(r.header("Content-Length")).contains("1000");
    assertThat(r.body()).isEqualTo(source.bytes(1000, 1999));
  }

  @Test
  void openRangeToTheEnd() throws IOException {
    long first = SIZE - 100_000;
    RawHttp.Response r = RawHttp.send("GET", start(source), Optional.of("bytes=" + first + "-"));

    assertThat(r.status()).isEqualTo(206);
    assertThat(r.header("Content-Range")).contains("bytes " + first + "-" + (SIZE - 1) + "/" + SIZE);
    assertThat(r.body()).isEqualTo(source.bytes(first, SIZE - 1));
  }

  @Test
  void rangeBeyondTheEndIsCutAtTheEnd() throws IOException {
    RawHttp.Response r = RawHttp.send("GET", start(source), Optional.of("bytes=" + (SIZE - 10) + "-" + (SIZE + 500)));

    assertThat(r.status()).isEqualTo(206);
    assertThat(r.body()).isEqualTo(source.bytes(SIZE - 10, SIZE - 1));
  }

  @Test
  void headAnswersTheLengthWithoutABody() throws IOException {
    URI url = start(source);
    RawHttp.Response whole = RawHttp.send("HEAD", url, Optional.empty());
    RawHttp.Response range = RawHttp.send("HEAD", url, Optional.of("bytes=10-"));

    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.header("Content-Length")).contains(Integer.toString(SIZE));
    assertThat(whole.header("Accept-Ranges")).contains("bytes");
    assertThat(whole.body()).isEmpty();
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.header("Content-Length")).contains(Integer.toString(SIZE - 10));
    assertThat(range.body()).isEmpty();
    assertThat(source.opens).as("HEAD does not open the source").hasValue(0);
  }

  @Test
  void rangeStartingAtTheEndIsUnsatisfiable() throws IOException {
    RawHttp.Response r = RawHttp.send("GET", start(source), Optional.of("bytes=" + SIZE + "-"));

    assertThat(r.status()).isEqualTo(416);
    assertThat(r.header("Content-Range")).contains("bytes */" + SIZE);
    assertThat(r.body()).isEmpty();
  }

  /** The FTP hop refused the second connection; here every seek is a new connection and is served. */
  @Test
  void manySequentialConnections() throws IOException {
    URI url = start(source);
    for (int i = 0; i < 200; i++) {
      long first = (i * 7919L * 131) % SIZE;
      long last = Math.min(SIZE - 1, first + 4095);
      RawHttp.Response r = RawHttp.send("GET", url, Optional.of("bytes=" + first + "-" + last));

      assertThat(r.status()).as("request %d", i).isEqualTo(206);
      assertThat(r.body()).as("request %d", i).isEqualTo(source.bytes(first, last));
    }
    assertThat(servers.get(0).requests()).isEqualTo(200);
  }

  /** ffmpeg hangs up mid-body whenever it seeks: that is neither a source failure nor the server's end. */
  @Test
  void abandonedResponsesDoNotHurtLaterOnes() throws IOException {
    URI url = start(source);
    for (int i = 0; i < 3 * LoopbackRangeServer.THREADS; i++) {
      assertThat(RawHttp.abandon(url, Optional.of("bytes=" + i + "-"), 1000)).isEqualTo(206);
    }
    RawHttp.Response after = RawHttp.send("GET", url, Optional.of("bytes=0-99"));

    assertThat(after.body()).isEqualTo(source.bytes(0, 99));
    assertThat(servers.get(0).sourceFailure()).isEmpty();
  }

  /** More clients at once than handler threads: the extra ones wait for a thread, none is refused. */
  @Test
  void concurrentConnections() throws Exception {
    URI url = start(source);
    int clients = 3 * LoopbackRangeServer.THREADS;
    CyclicBarrier together = new CyclicBarrier(clients);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<RawHttp.Response>> responses = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        long first = i * 200_000L;
        responses.add(pool.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return RawHttp.send("GET", url, Optional.of("bytes=" + first + "-"));
        }));
      }
      for (int i = 0; i < clients; i++) {
        RawHttp.Response r = responses.get(i).get(30, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(source.bytes(i * 200_000L, SIZE - 1));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sourceThatCannotBeOpenedIsRecordedAndAnswered503() throws IOException {
    URI url = start(source.failingToOpenFrom(1000));

    assertThat(RawHttp.send("GET", url, Optional.of("bytes=0-99")).status()).isEqualTo(206);
    assertThat(servers.get(0).sourceFailure()).isEmpty();
    assertThat(RawHttp.send("GET", url, Optional.of("bytes=2000-")).status()).isEqualTo(503);
    assertThat(servers.get(0).sourceFailure()).get().extracting(Throwable::getMessage).isEqualTo("store unreachable");
  }

  @Test
  void sourceFailingMidBodyCutsTheResponseShortAndIsRecorded() throws IOException {
    URI url = start(source.failingAfter(100_000));

    RawHttp.Response r = RawHttp.send("GET", url, Optional.empty());

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().length).as("the client sees a premature end").isLessThan(SIZE);
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(servers.get(0).sourceFailure()).get()
            .extracting(Throwable::getMessage).isEqualTo("store dropped the stream"));
  }

  @Test
  void closedServerRefusesConnections() throws IOException {
    URI url = start(source);
    servers.get(0).close();

    assertThatThrownBy(() -> RawHttp.send("GET", url, Optional.empty())).isInstanceOf(ConnectException.class);
  }
}
