package io.video2mp3.gateway.download;

import io.video2mp3.api.download.SignedLink;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key of the mails' signed download links (DOWNLOAD_LINK_SECRET, shared with the notifier); required. */
@Configuration(proxyBeanMethods = false)
class SignedLinkConfig {

  @Bean
  SignedLink signedLink(@Value("${gateway.download-link-secret:}") String secret) {
    return SignedLink.fromSecret(secret);
  }
}
