package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.operator.OperatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With leader election on, the replica holding the Lease reconciles. */
class LeaderElectionIT {

  private OperatorHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness(4, false)
        .env("LEADER_ELECTION_ENABLED", "true")
        .env("LEADER_ELECTION_NAMESPACE", OperatorHarness.NS);
    harness.startOperator();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void theLeaderReconciles() {
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.client.leases().inNamespace(OperatorHarness.NS)
        .withName("video2mp3-operator").get() != null);
    harness.create("vc-leader", Source.url("https://example.com/a.mp4", null));
    harness.awaitPhase("vc-leader", Phase.Running);
    assertThat(harness.client.leases().inNamespace(OperatorHarness.NS).withName("video2mp3-operator").get()
        .getSpec().getHolderIdentity()).isNotBlank();
  }
}
