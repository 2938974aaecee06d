package io.video2mp3.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The auth service: users in MySQL, HTTP Basic login issuing HS256 JWTs, and token validation. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthApplication {

  public static void main(String[] args) {
    SpringApplication.run(AuthApplication.class, args);
  }
}
