package io.video2mp3.api.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of the platform; written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConversionPlatformStatus {

  /** The replica set is initiated with every member, has a primary, and the app user exists. */
  public static final String MONGODB_READY = "MongoDBReady";
  /** Every RabbitMQ node is ready. */
  public static final String RABBITMQ_READY = "RabbitMQReady";
  /** The exchange and queues of the shared topology are declared. */
  public static final String QUEUES_READY = "QueuesReady";

  @JsonPropertyDescription("MongoDBReady, RabbitMQReady and QueuesReady.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The metadata.generation this status was written for.")
  private Long observedGeneration;

  @JsonPropertyDescription("Members of the MongoDB replica set.")
  private MembersStatus mongodb;

  @JsonPropertyDescription("Members of the RabbitMQ cluster.")
  private MembersStatus rabbitmq;

  @JsonPropertyDescription("Secret holding MONGODB_URI and RABBITMQ_URI for the platform's services.")
  private String connectionSecret;

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public MembersStatus getMongodb() {
    return mongodb;
  }

  public void setMongodb(MembersStatus mongodb) {
    this.mongodb = mongodb;
  }

  public MembersStatus getRabbitmq() {
    return rabbitmq;
  }

  public void setRabbitmq(MembersStatus rabbitmq) {
    this.rabbitmq = rabbitmq;
  }

  public String getConnectionSecret() {
    return connectionSecret;
  }

  public void setConnectionSecret(String connectionSecret) {
    this.connectionSecret = connectionSecret;
  }
}
