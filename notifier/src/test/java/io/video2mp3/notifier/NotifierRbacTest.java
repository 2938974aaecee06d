package io.video2mp3.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.testsupport.rbac.ApiRequest;
import io.video2mp3.testsupport.rbac.ComponentRoles;
import io.video2mp3.testsupport.rbac.RbacAudit;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The notifier never talks to the Kubernetes API (it has no Kubernetes client): its pods mount no
 * ServiceAccount token and no Role is bound to the account they run as, so the audit grants it nothing.
 */
class NotifierRbacTest {

  @Test
  void theNotifierHasNoKubernetesPermissions() {
    ComponentRoles notifier = ComponentRoles.forDeployment("notifier");
    assertThat(notifier.mountsToken()).isFalse();
    assertThat(notifier.rules()).isEmpty();
    assertThat(new RbacAudit("notifier", notifier, Path.of("target", "rbac-audit"))
        .missing(Set.of(new ApiRequest("get", "", "secrets", "", "video2mp3"))))
        .containsExactly("notifier: missing rule: verbs [get] on secrets (its pods mount no ServiceAccount token)");
  }
}
