package io.video2mp3.api.messaging;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Opens broker connections the same way in every service: bounded timeouts, automatic recovery. */
public final class AmqpConnections {

  private AmqpConnections() {
  }

  public static ConnectionFactory factory(String uri, Duration connectTimeout) {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(uri);
    } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("RABBITMQ_URI is not a valid amqp:// or amqps:// URI: " + e.getMessage(), e);
    }
    factory.setConnectionTimeout((int) connectTimeout.toMillis());
    factory.setHandshakeTimeout((int) connectTimeout.toMillis());
    factory.setChannelRpcTimeout((int) Math.max(connectTimeout.toMillis(), 10_000));
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(2_000);
    factory.setRequestedHeartbeat(30);
    return factory;
  }

  public static Connection open(String uri, String connectionName, Duration connectTimeout)
      throws IOException, TimeoutException {
    return factory(uri, connectTimeout).newConnection(connectionName);
  }
}
