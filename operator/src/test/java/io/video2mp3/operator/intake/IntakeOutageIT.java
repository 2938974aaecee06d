package io.video2mp3.operator.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.messaging.AmqpConnections;
import io.video2mp3.api.messaging.ConfirmedPublisher;
import io.video2mp3.api.messaging.ConversionRequested;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.messaging.Topology;
import io.video2mp3.operator.OperatorHarness;
import io.video2mp3.operator.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intake from the real RabbitMQ while the API server fails: the delivery is held and the create
 * retried (never dead-lettered), and once the server is back the conversion is created and the
 * message acked.
 */
class IntakeOutageIT {

  private static final String CONVERSIONS_PATH =
      "/apis/" + VideoConversion.GROUP + "/" + VideoConversion.VERSION + "/namespaces/" + OperatorHarness.NS
          + "/videoconversions";

  private OperatorHarness harness;
  private TcpProxy api;
  private VideoQueue queue;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness(4, true);
    URI apiServer = URI.create(harness.client.getConfiguration().getMasterUrl());
    api = new TcpProxy(apiServer.getHost(), apiServer.getPort());
    api.start();
    // The client's own retries of 5xx and connection failures (10 by default, ~19 s in all) would
    // hide the outage from the intake; without them every refusal reaches its hold-and-retry loop.
    harness.operatorClient(c -> c.withMasterUrl("http://127.0.0.1:" + api.port()).withRequestRetryBackoffLimit(0));
    queue = new VideoQueue(harness.rabbitUri, "operator-intake-outage-it");
    harness.startOperator();
    await().atMost(Duration.ofSeconds(20)).until(() -> queue.consumers() > 0);
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    api.close();
    if (queue != null) {
      queue.close();
    }
  }

  /** Acked: once the operator (and with it its channel) is gone, the message did not come back. */
  private void assertAcked(ConversionRequested request) throws Exception {
    harness.stopOperator();
    assertThat(queue.ready()).isZero();
    assertThat(queue.deadLettered(request.messageId())).isFalse();
  }

  /** Every create of a conversion answers 503 until the expectations are cleared; returns when each came. */
  private List<Long> refuseCreates() {
    List<Long> refusedAt = new CopyOnWriteArrayList<>();
    harness.server.expect().post().withPath(CONVERSIONS_PATH)
        .andReply(503, r -> {
          refusedAt.add(System.nanoTime());
          return new StatusBuilder().withStatus("Failure").withCode(503).withReason("ServiceUnavailable")
              .withMessage("etcd is down (set by the test)").build();
        })
        .always();
    return refusedAt;
  }

  @Test
  void serverErrorsAreRetriedUntilTheApiServerRecovers() throws Exception {
    List<Long> refusedAt = refuseCreates();
    ConversionRequested request = VideoQueue.request("192k");
    queue.publisher.publish(request);

    await().atMost(Duration.ofSeconds(10)).until(() -> refusedAt.size() >= 4);
    assertThat(harness.get(request.name())).isNull();
    // Backing off: each retry waits twice as long as the one before (100, 200, 400 ms here).
    for (int i = 1; i < 4; i++) {
      long waited = Duration.ofNanos(refusedAt.get(i) - refusedAt.get(i - 1)).toMillis();
      assertThat(waited).as("wait before retry %d", i).isGreaterThanOrEqualTo(OperatorHarness.FAST_BACKOFF.first().toMillis() << (i - 1));
    }
    assertThat(queue.deadLettered(request.messageId())).isFalse();

    harness.server.clearExpectations();
    await().atMost(Duration.ofSeconds(20)).until(() -> harness.get(request.name()) != null);
    assertThat(harness.get(request.name()).getSpec().getOwner()).isEqualTo(new Owner("bob", "bob@example.com"));
    assertAcked(request);
  }

  /**
   * Longer than the queue's delivery limit allows for requeues: each held delivery goes back to the
   * queue as a fresh, confirmed copy, so the upload outlives the outage instead of being dead-lettered.
   */
  @Test
  void anOutageLongerThanTheDeliveryLimitLosesNothing() throws Exception {
    harness.stopOperator();
    harness.intakeBackoff(new IntakeConsumer.Backoff(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(100)));
    List<Long> refusedAt = refuseCreates();
    harness.startOperator();
    ConversionRequested request = VideoQueue.request("192k");
    queue.publisher.publish(request);

    // Each hold of ~100 ms sees 3 or 4 refusals: this many spans well over DELIVERY_LIMIT holds.
    await().atMost(Duration.ofSeconds(30))
        .until(() -> refusedAt.size() > 6 * (Topology.DELIVERY_LIMIT + 1) || queue.deadLettered(request.messageId()));
    assertThat(queue.deadLettered(request.messageId())).as("dead-lettered during the outage").isFalse();
    assertThat(harness.get(request.name())).isNull();

    harness.server.clearExpectations();
    await().atMost(Duration.ofSeconds(20)).until(() -> harness.get(request.name()) != null);
    assertAcked(request);
  }

  @Test
  void anUnreachableApiServerIsWaitedFor() throws Exception {
    api.close(); // connections refused from now on
    ConversionRequested request = VideoQueue.request("192k");
    queue.publisher.publish(request);

    // Taken off the queue and held by the intake, not dead-lettered, while nothing answers.
    await().atMost(Duration.ofSeconds(10))
        .until(() -> queue.ready() == 0);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
        .until(() -> !queue.deadLettered(request.messageId()) && harness.get(request.name()) == null);

    api.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get(request.name()) != null);
    assertAcked(request);
  }
}
