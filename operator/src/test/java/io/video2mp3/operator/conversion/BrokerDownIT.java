package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.operator.OperatorHarness;
import io.video2mp3.operator.RabbitTap;
import io.video2mp3.operator.TcpProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker is unreachable when the conversion finishes: the event is not confirmed, so notified
 * stays unset; once the broker is reachable the event is published once and notified is recorded.
 */
class BrokerDownIT {

  private static final String RABBIT_HOST = "127.0.0.1";
  private OperatorHarness harness;
  private TcpProxy broker;
  private RabbitTap tap;

  @BeforeEach
  void start() throws Exception {
    URI real = URI.create(System.getenv().getOrDefault("RABBITMQ_URI", "amqp://guest:guest@127.0.0.1:5672"));
    broker = new TcpProxy(real.getHost() == null ? RABBIT_HOST : real.getHost(), real.getPort() < 0 ? 5672 : real.getPort());
    String userInfo = real.getUserInfo() == null ? "guest:guest" : real.getUserInfo();
    harness = new OperatorHarness(4, false, "amqp://" + userInfo + "@127.0.0.1:" + broker.port()
        + real.getRawPath()); // the vhost: the tap listens on the same one
    tap = new RabbitTap(real.toString());
    harness.startOperator();
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    tap.close();
    broker.close();
  }

  @Test
  void notConfirmedMeansNotNotifiedUntilTheBrokerIsBack() throws Exception {
    String name = "vc-no-broker";
    harness.create(name, Source.url("https://example.com/a.mp4", "a.mp4"));
    harness.awaitJob(name);
    harness.jobSucceeded(name, "{\"status\":\"Succeeded\",\"sizeBytes\":1,\"durationSeconds\":1.0}");
    VideoConversion done = harness.awaitPhase(name, Phase.Succeeded);
    String uid = done.getMetadata().getUid();
    assertThat(done.getStatus().getNotified()).isNull();
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> harness.get(name).getStatus().getNotified() == null);

    HttpClient http = HttpClient.newHttpClient();
    var ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + harness.app().healthPort()
        + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"rabbitmq\":\"DOWN\"").contains("\"mongodb\":\"UP\"");

    broker.start();
    await().atMost(Duration.ofSeconds(40)).until(() -> Boolean.TRUE.equals(harness.get(name).getStatus().getNotified()));
    await().atMost(Duration.ofSeconds(10)).until(() -> tap.finished(uid).size() == 1);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> tap.finished(uid).size() == 1);
  }
}
