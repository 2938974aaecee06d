package io.video2mp3.api.messaging;

import com.rabbitmq.client.Connection;

/** The broker's own name for itself, from the connection's server properties. */
public record BrokerProduct(String name) {

  public static BrokerProduct of(Connection connection) {
    Object product = connection.getServerProperties().get("product");
    return new BrokerProduct(product == null ? "" : product.toString());
  }

  public boolean isRabbitMq() {
    return "RabbitMQ".equalsIgnoreCase(name);
  }
}
