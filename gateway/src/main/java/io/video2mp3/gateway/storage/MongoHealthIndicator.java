package io.video2mp3.gateway.storage;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Readiness: uploads and downloads need MongoDB. Bounded by the client's server selection timeout. */
@Component("mongo")
class MongoHealthIndicator extends AbstractHealthIndicator {

  private final MongoDatabase database;

  MongoHealthIndicator(MongoDatabase database) {
    super("MongoDB is unavailable");
    this.database = database;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    database.runCommand(new Document("ping", 1));
    builder.up().withDetail("database", database.getName());
  }
}
