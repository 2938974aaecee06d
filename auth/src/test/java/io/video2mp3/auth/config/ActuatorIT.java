package io.video2mp3.auth.config;

import static io.video2mp3.auth.support.HttpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.auth.support.AuthIntegrationTest;
import io.video2mp3.auth.support.HttpTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/** Probes and metrics as Kubernetes and Prometheus see them: on the management port only. */
@AuthIntegrationTest
// Spring Boot tests turn metrics export off unless asked; the packaged service has it on.
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "management.endpoint.health.show-components=always")
class ActuatorIT {

  @Autowired HttpTestClient api;
  @LocalManagementPort int managementPort;
  HttpTestClient http;

  @BeforeEach
  void connectToTheManagementPort() {
    http = new HttpTestClient(() -> managementPort);
  }

  @Test
  void readinessIncludesTheDatabase() {
    HttpResponse<String> response = http.get("/actuator/health/readiness");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asText()).isEqualTo("UP");
    assertThat(json(response).at("/components/db/status").asText()).isEqualTo("UP");
  }

  @Test
  void livenessIsUp() {
    assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  @Test
  void exposesPrometheusMetricsIncludingLogins() {
    api.login("nobody", "nothing");

    HttpResponse<String> response = http.get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("auth_logins_total{").contains("outcome=\"failure\"").contains("hikaricp_connections");
  }

  @Test
  void theApiPortServesNoActuatorEndpoint() {
    for (String endpoint : new String[] {"health", "health/readiness", "prometheus", "info"}) {
      HttpResponse<String> response = api.get("/actuator/" + endpoint);
      assertThat(response.statusCode()).as(endpoint).isEqualTo(404);
      assertThat(response.body()).doesNotContain("hikaricp");
    }
  }

  @Test
  void exposesNothingElse() {
    for (String endpoint : new String[] {"env", "configprops", "beans", "heapdump", "loggers"}) {
      assertThat(http.get("/actuator/" + endpoint).statusCode()).as(endpoint).isEqualTo(404);
    }
  }
}
