package io.video2mp3.notifier.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.video2mp3.api.download.SignedLink;
import io.video2mp3.api.messaging.EventCodec;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.api.storage.Deliveries;
import io.video2mp3.notifier.dedup.ClaimHeartbeat;
import io.video2mp3.notifier.dedup.HandledEvents;
import io.video2mp3.notifier.mail.MailComposer;
import io.video2mp3.notifier.mail.MailDelivery;
import io.video2mp3.notifier.mail.RetryPolicy;
import io.video2mp3.notifier.mail.SmtpHealthIndicator;
import io.video2mp3.notifier.mail.SmtpMailSender;
import io.video2mp3.notifier.messaging.AmqpHealthIndicator;
import io.video2mp3.notifier.messaging.Mp3Consumer;
import io.video2mp3.notifier.messaging.NotificationHandler;
import io.video2mp3.notifier.messaging.NotifierMetrics;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the notifier from {@link NotifierProperties}; every collaborator is a plain class. */
@Configuration(proxyBeanMethods = false)
public class NotifierConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotifierConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean
  Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }

  @Bean
  EventCodec eventCodec() {
    return new EventCodec();
  }

  @Bean(destroyMethod = "close")
  MongoClient notifierMongoClient(NotifierProperties properties) {
    ConnectionString uri = parseMongoUri(properties.mongodbUri());
    // Short server selection (5 s unless MONGODB_URI says serverSelectionTimeoutMS): while MongoDB is down
    // a delivery retries within its bounded outage wait, then goes to the back of the queue.
    int serverSelectionMillis = uri.getServerSelectionTimeout() != null ? uri.getServerSelectionTimeout() : 5_000;
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(uri)
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelectionMillis, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS))
        .applicationName("video2mp3-notifier")
        .build();
    return MongoClients.create(settings);
  }

  @Bean
  HandledEvents handledEvents(MongoClient mongoClient, NotifierProperties properties, Clock clock) {
    ConnectionString uri = parseMongoUri(properties.mongodbUri());
    String database = uri.getDatabase() != null ? uri.getDatabase() : StorageLayout.DEFAULT_DATABASE;
    var db = mongoClient.getDatabase(database);
    HandledEvents handledEvents = new HandledEvents(db.getCollection(StorageLayout.HANDLED_EVENTS_COLLECTION),
        new Deliveries(db.getCollection(StorageLayout.DELIVERIES_COLLECTION)),
        clock, properties.dedup().retention(), properties.dedup().claimLease());
    try {
      handledEvents.ensureIndexes();
    } catch (RuntimeException e) {
      // MongoDB may come up after us; the index is an optimisation of clean-up, not of correctness.
      log.warn("cannot create the TTL indexes on {} and {} yet: {}", StorageLayout.HANDLED_EVENTS_COLLECTION,
          StorageLayout.DELIVERIES_COLLECTION, e.getMessage());
    }
    return handledEvents;
  }

  /** One thread renews the claims of every delivery in progress (a short MongoDB update each). */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService claimRenewals() {
    return Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "notifier-claim-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Bean
  ClaimHeartbeat claimHeartbeat(HandledEvents handledEvents, ScheduledExecutorService claimRenewals,
      NotifierProperties properties) {
    return new ClaimHeartbeat(handledEvents, claimRenewals, properties.dedup().claimLease());
  }

  @Bean
  NotifierMetrics notifierMetrics(MeterRegistry registry) {
    return new NotifierMetrics(registry);
  }

  /** Signs the mails' download links with DOWNLOAD_LINK_SECRET (the gateway verifies them); required. */
  @Bean
  MailComposer mailComposer(NotifierProperties properties, Clock clock,
      @Value("${notifier.download-link-secret:}") String downloadLinkSecret) {
    return new MailComposer(properties.publicBaseUrl(), properties.retentionDays(),
        SignedLink.fromSecret(downloadLinkSecret), clock);
  }

  @Bean
  SmtpMailSender smtpMailSender(NotifierProperties properties, Clock clock) {
    return new SmtpMailSender(properties.smtp(), clock);
  }

  @Bean
  MailDelivery mailDelivery(SmtpMailSender sender, NotifierProperties properties, Sleeper sleeper,
      NotifierMetrics metrics) {
    NotifierProperties.Retry retry = properties.smtp().retry();
    return new MailDelivery(sender::send,
        new RetryPolicy(retry.attempts(), retry.initialBackoff(), retry.maxBackoff()),
        sleeper, (attempt, failure) -> metrics.smtpRetry());
  }

  @Bean
  NotificationHandler notificationHandler(EventCodec codec, MailComposer composer, MailDelivery delivery,
      HandledEvents handledEvents, ClaimHeartbeat heartbeat, NotifierMetrics metrics, Sleeper sleeper, Clock clock,
      NotifierProperties properties) {
    return new NotificationHandler(codec, composer, delivery, handledEvents, heartbeat, metrics, sleeper, clock,
        properties.dedup().pollInterval(), properties.dedup().claimLease(), properties.dedup().mongoOutageWait());
  }

  @Bean
  Mp3Consumer mp3Consumer(NotifierProperties properties, NotificationHandler handler, EventCodec codec,
      Sleeper sleeper) {
    NotifierProperties.Consumer consumer = properties.consumer();
    return new Mp3Consumer(properties.rabbitmqUri(), consumer.prefetch(), consumer.concurrency(),
        consumer.requeueDelay(), consumer.connectTimeout(), handler, codec, sleeper);
  }

  @Bean
  AmqpHealthIndicator amqpHealthIndicator(Mp3Consumer consumer) {
    return new AmqpHealthIndicator(consumer);
  }

  @Bean
  SmtpHealthIndicator smtpHealthIndicator(SmtpMailSender sender, Clock clock, NotifierProperties properties) {
    return new SmtpHealthIndicator(sender, clock, properties.smtp().healthCacheTtl());
  }

  private static ConnectionString parseMongoUri(String uri) {
    try {
      return new ConnectionString(uri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("MONGODB_URI is not a valid MongoDB connection string: " + e.getMessage(), e);
    }
  }
}
