package io.video2mp3.gateway.web;

import io.video2mp3.gateway.config.GatewaySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links for clients: PUBLIC_BASE_URL when set (behind an ingress), else the request's own base. */
@Component
public class PublicUrls {

  private final GatewaySettings settings;

  public PublicUrls(GatewaySettings settings) {
    this.settings = settings;
  }

  /** The base URL without a trailing slash; call on a request thread. */
  public String base() {
    if (settings.hasPublicBaseUrl()) {
      return settings.publicBaseUrl().replaceAll("/+$", "");
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}
