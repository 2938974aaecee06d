package io.video2mp3.gateway.error;

import org.springframework.http.HttpStatus;

/** A service the gateway needs did not answer in time or at all: 503 naming it. */
public class DependencyUnavailableException extends ApiException {

  private final Dependency dependency;

  public DependencyUnavailableException(Dependency dependency, String detail, Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, dependency.displayName() + " is unavailable: " + detail, null, cause);
    this.dependency = dependency;
  }

  public Dependency dependency() {
    return dependency;
  }

  public enum Dependency {
    AUTH("auth"), MONGODB("MongoDB"), RABBITMQ("RabbitMQ"), KUBERNETES("Kubernetes API");

    private final String displayName;

    Dependency(String displayName) {
      this.displayName = displayName;
    }

    public String displayName() {
      return displayName;
    }
  }
}
