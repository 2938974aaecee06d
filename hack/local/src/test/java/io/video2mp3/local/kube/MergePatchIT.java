package io.video2mp3.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionSpec;
import io.video2mp3.api.conversion.VideoConversionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JSON merge patches of the status, as the operator sends them (JOSDK's mergePatchStatusAndCacheResource):
 * lists are replaced, not appended to, and null removes a field.
 */
class MergePatchIT {

  @Test
  void aMergePatchReplacesLists() {
    try (LocalKubeApi api = LocalKubeApi.start(0); KubernetesClient client = api.client()) {
      api.ensureNamespace("mp");
      VideoConversion vc = new VideoConversion();
      vc.getMetadata().setName("one");
      vc.getMetadata().setNamespace("mp");
      vc.setSpec(new VideoConversionSpec(null, null, new Owner("a", "a@b.c")));
      client.resource(vc).create();
      for (String reason : List.of("Pending", "Running", "Succeeded")) {
        VideoConversion patch = client.resources(VideoConversion.class).inNamespace("mp").withName("one").get();
        VideoConversionStatus status = new VideoConversionStatus();
        status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("False").withReason(reason)
            .withMessage("").withLastTransitionTime("2026-01-01T00:00:00Z").build()));
        patch.setStatus(status);
        client.resource(patch).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE));
      }
      VideoConversion after = client.resources(VideoConversion.class).inNamespace("mp").withName("one").get();
      assertThat(after.getStatus().getConditions()).extracting("reason").containsExactly("Succeeded");

      client.resources(VideoConversion.class).inNamespace("mp").withName("one").subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"message\":\"done\",\"conditions\":null}}");
      VideoConversionStatus patched = client.resources(VideoConversion.class).inNamespace("mp").withName("one").get().getStatus();
      assertThat(patched.getMessage()).isEqualTo("done");
      assertThat(patched.getConditions()).isNullOrEmpty();
    }
  }
}
