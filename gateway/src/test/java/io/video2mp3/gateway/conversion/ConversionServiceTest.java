package io.video2mp3.gateway.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.video2mp3.api.conversion.AdmittedRequest;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionSpec;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.gateway.auth.Caller;
import io.video2mp3.gateway.error.ApiException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may see a conversion is decided by the owner it was admitted for, not by what the spec says now. */
class ConversionServiceTest {

  private static final Owner ALICE = new Owner("alice", "alice@example.com", "uid-alice");
  private static final Owner MALLORY = new Owner("mallory", "mallory@example.com", "uid-mallory");
  private static final Caller ALICE_CALLER = new Caller("uid-alice", "alice", "alice@example.com", false);
  private static final Caller MALLORY_CALLER = new Caller("uid-mallory", "mallory", "mallory@example.com", false);

  private final ConversionRepository repository = mock(ConversionRepository.class);
  private final ConversionService service = new ConversionService(repository);

  private static VideoConversion conversion(Owner specOwner, Owner admittedOwner) {
    VideoConversion vc = new VideoConversion();
    vc.setMetadata(new ObjectMetaBuilder().withName("vc-1").withNamespace("media").withUid("uid-1").build());
    vc.setSpec(new VideoConversionSpec(Source.upload("665f1c2e9b1d4a0012345678", "talk.mp4"), OutputSpec.mp3("192k"),
        specOwner));
    if (admittedOwner != null) {
      VideoConversionStatus status = new VideoConversionStatus();
      status.setAdmitted(new AdmittedRequest(vc.getSpec().getSource(), vc.getSpec().getOutput(), admittedOwner));
      vc.setStatus(status);
    }
    return vc;
  }

  @Test
  void anOwnerEditedAfterAdmissionChangesNothing() {
    VideoConversion edited = conversion(MALLORY, ALICE);
    when(repository.find("vc-1")).thenReturn(Optional.of(edited));
    when(repository.list()).thenReturn(List.of(edited));

    assertThat(service.get(ALICE_CALLER, "vc-1")).isSameAs(edited);
    assertThat(service.findByOutput(ALICE_CALLER, "uid-1")).contains(edited);
    assertThatThrownBy(() -> service.get(MALLORY_CALLER, "vc-1")).isInstanceOf(ApiException.class);
    assertThat(service.visible(MALLORY_CALLER)).isEmpty();
    assertThat(service.findByOutput(MALLORY_CALLER, "uid-1")).isEmpty();
    assertThat(ConversionView.of(edited, "http://gw").owner()).isEqualTo("alice");
  }

  @Test
  void beforeAdmissionTheSpecsOwnerCounts() {
    VideoConversion fresh = conversion(ALICE, null);
    when(repository.list()).thenReturn(List.of(fresh));
    assertThat(service.visible(ALICE_CALLER)).containsExactly(fresh);
    assertThat(service.visible(MALLORY_CALLER)).isEmpty();
  }
}
