package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.operator.OperatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With leader election on, the replica holding the Lease reconciles, renews it (fabric8 renews with
 * PATCH: the harness checks that the operator's Role allows it) and hands it over when it stops.
 */
class LeaderElectionIT {

  private static final String LEASE = "video2mp3-operator";

  private OperatorHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness(4, false)
        .env("LEADER_ELECTION_ENABLED", "true")
        .env("LEADER_ELECTION_NAMESPACE", OperatorHarness.NS)
        .env("WATCH_NAMESPACES", OperatorHarness.NS); // as the Deployment: its requests stay in its namespace
    harness.startOperator();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private String holder() {
    Lease lease = harness.client.leases().inNamespace(OperatorHarness.NS).withName(LEASE).get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  @Test
  void theLeaderReconcilesAndRenewsItsLease() {
    await().atMost(Duration.ofSeconds(30)).until(() -> holder() != null);
    harness.create("vc-leader", Source.url("https://example.com/a.mp4", null));
    harness.awaitPhase("vc-leader", Phase.Running);
    assertThat(holder()).isNotBlank();
    // fabric8 renews every retry period (2 s): the renewal is a PATCH of the Lease.
    await().atMost(Duration.ofSeconds(10))
        .until(() -> harness.operatorRequests.saw("patch", "coordination.k8s.io", "leases"));
  }

  @Test
  void aStoppingOperatorReleasesItsLeaseSoAStandbyLeadsAtOnce() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> holder() != null);
    String first = holder();

    harness.stopOperator();
    assertThat(holder()).isNullOrEmpty();

    // The Lease lasts 15 s: without the release the next operator would wait for it to expire.
    harness.startOperator();
    await().atMost(Duration.ofSeconds(5)).until(() -> holder() != null && !holder().isEmpty());
    assertThat(holder()).isNotEqualTo(first);
  }
}
