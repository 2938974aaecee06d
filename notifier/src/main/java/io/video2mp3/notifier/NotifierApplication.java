package io.video2mp3.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Consumes {@code ConversionFinished} events from queue {@code mp3} and emails the owner, once per
 * conversion. The only HTTP endpoints are Actuator's health and metrics on port 8082.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotifierApplication {

  public static void main(String[] args) {
    SpringApplication.run(NotifierApplication.class, args);
  }
}
