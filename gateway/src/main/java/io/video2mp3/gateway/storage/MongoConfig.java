package io.video2mp3.gateway.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.gateway.config.GatewaySettings;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MongoDB client, with every wait bounded so that a missing database is a prompt 503. */
@Configuration
class MongoConfig {

  /** Reads of one GridFS chunk or write acknowledgements; generous, a busy replica set may be slow. */
  private static final long READ_TIMEOUT_SECONDS = 60;

  @Bean(destroyMethod = "close")
  MongoClient mongoClient(GatewaySettings settings) {
    ConnectionString uri = new ConnectionString(settings.mongodbUri());
    long timeoutMs = settings.dependencyTimeout().toMillis();
    MongoClientSettings clientSettings = MongoClientSettings.builder()
        .applyConnectionString(uri)
        .applicationName("video2mp3-gateway")
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(socket -> socket
            .connectTimeout((int) timeoutMs, TimeUnit.MILLISECONDS)
            .readTimeout(Math.max(timeoutMs, TimeUnit.SECONDS.toMillis(READ_TIMEOUT_SECONDS)), TimeUnit.MILLISECONDS))
        .applyToConnectionPoolSettings(pool -> pool
            .maxSize(50)
            .maxWaitTime(timeoutMs, TimeUnit.MILLISECONDS))
        .build();
    return MongoClients.create(clientSettings);
  }

  @Bean
  MongoDatabase mongoDatabase(MongoClient client, GatewaySettings settings) {
    String database = new ConnectionString(settings.mongodbUri()).getDatabase();
    return client.getDatabase(database == null || database.isBlank() ? StorageLayout.DEFAULT_DATABASE : database);
  }
}
