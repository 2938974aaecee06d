package io.video2mp3.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void rabbitMqGetsQuorumQueuesWithADeliveryLimit() {
    assertThat(Topology.workQueueArguments(Topology.VIDEO, true))
        .containsEntry("x-queue-type", "quorum")
        .containsEntry("x-delivery-limit", Topology.DELIVERY_LIMIT)
        .containsEntry("x-dead-letter-exchange", "")
        .containsEntry("x-dead-letter-routing-key", "video.dead");
  }

  @Test
  void otherBrokersGetClassicQueuesThatStillDeadLetter() {
    assertThat(Topology.workQueueArguments(Topology.MP3, false))
        .doesNotContainKeys("x-queue-type", "x-delivery-limit")
        .containsEntry("x-dead-letter-routing-key", "mp3.dead");
    assertThat(Topology.deadLetterQueueArguments(false)).isEmpty();
  }
}
