package io.video2mp3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathMapperTest {

  private final PathMapper mapper = new PathMapper(Map.of(
      "/scratch", "/tmp/pod/volumes/scratch",
      "/dev/termination-log", "/tmp/pod/termination-log",
      "/app/operator.jar", "/repo/operator/target/operator-0.1.0-SNAPSHOT.jar"));

  @Test
  void mapsWholePathsAndTheirChildren() {
    assertThat(mapper.map("/scratch")).isEqualTo("/tmp/pod/volumes/scratch");
    assertThat(mapper.map("/scratch/in.mp4")).isEqualTo("/tmp/pod/volumes/scratch/in.mp4");
    assertThat(mapper.map("-Djava.io.tmpdir=/scratch")).isEqualTo("-Djava.io.tmpdir=/tmp/pod/volumes/scratch");
    assertThat(mapper.map("/app/operator.jar")).isEqualTo("/repo/operator/target/operator-0.1.0-SNAPSHOT.jar");
    assertThat(mapper.map("echo x > /dev/termination-log; exit 0"))
        .isEqualTo("echo x > /tmp/pod/termination-log; exit 0");
  }

  @Test
  void leavesLookalikesAlone() {
    assertThat(mapper.map("/scratchpad")).isEqualTo("/scratchpad");
    assertThat(mapper.map("/data/scratch")).isEqualTo("/data/scratch");
    assertThat(mapper.map("http://host/scratch")).isEqualTo("http://host/scratch");
    assertThat(mapper.map((String) null)).isNull();
  }
}
