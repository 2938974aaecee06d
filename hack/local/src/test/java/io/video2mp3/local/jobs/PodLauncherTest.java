package io.video2mp3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PodLauncherTest {

  @Test
  void expandsKnownVariablesOnly() {
    assertThat(PodLauncher.expand("$(A)/x/$(B)", Map.of("A", "1"))).isEqualTo("1/x/$(B)");
    assertThat(PodLauncher.expand(null, Map.of())).isEmpty();
  }
}
