package io.video2mp3.operator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.video2mp3.api.conversion.OutputSpec;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.Source;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.messaging.ConversionRequested;
import io.video2mp3.api.messaging.EventCodec;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The intake's ack / reject / hold decisions, with a recording channel and a scripted API server. */
class IntakeConsumerTest {

  private final List<String> calls = new ArrayList<>();
  private final Channel channel = (Channel) Proxy.newProxyInstance(getClass().getClassLoader(),
      new Class<?>[] {Channel.class}, (proxy, method, args) -> {
        switch (method.getName()) {
          case "basicAck", "basicReject", "basicNack" -> calls.add(method.getName() + Arrays.toString(args));
          case "isOpen" -> {
            return true;
          }
          default -> {
          }
        }
        return null;
      });
  private final EventCodec codec = new EventCodec();
  private final AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().messageId("m").build();

  private IntakeConsumer consumer(ConversionCreator.Outcome... outcomes) {
    Deque<ConversionCreator.Outcome> script = new ArrayDeque<>(List.of(outcomes));
    ConversionCreator creator = new ConversionCreator(null) {
      @Override
      public Result create(VideoConversion conversion) {
        return new Result(script.size() > 1 ? script.poll() : script.peek(), "scripted");
      }
    };
    return new IntakeConsumer(null, creator, codec,
        new IntakeConsumer.Backoff(Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMillis(200)));
  }

  private byte[] valid() {
    return codec.encode(ConversionRequested.of("ns", "vc-1", Source.url("https://x/y.mp4", null), OutputSpec.mp3("192k"),
        new Owner("a", "a@example.com"), Instant.now()));
  }

  @Test
  void acksWhenCreatedOrAlreadyThere() throws Exception {
    consumer(ConversionCreator.Outcome.CREATED).handle(channel, 1, props, valid());
    consumer(ConversionCreator.Outcome.EXISTS).handle(channel, 2, props, valid());
    assertThat(calls).containsExactly("basicAck[1, false]", "basicAck[2, false]");
  }

  @Test
  void deadLettersWhatCanNeverBecomeAResource() throws Exception {
    consumer(ConversionCreator.Outcome.CREATED).handle(channel, 1, props, "{".getBytes());
    consumer(ConversionCreator.Outcome.REFUSED).handle(channel, 2, props, valid());
    assertThat(calls).containsExactly("basicReject[1, false]", "basicReject[2, false]");
  }

  @Test
  void holdsTheMessageWhileTheApiServerIsDown() throws Exception {
    consumer(ConversionCreator.Outcome.UNAVAILABLE, ConversionCreator.Outcome.UNAVAILABLE,
        ConversionCreator.Outcome.CREATED).handle(channel, 1, props, valid());
    assertThat(calls).containsExactly("basicAck[1, false]");
  }

  @Test
  void requeuesAfterTheLongestHoldNeverDeadLetters() throws Exception {
    consumer(ConversionCreator.Outcome.UNAVAILABLE).handle(channel, 1, props, valid());
    assertThat(calls).containsExactly("basicNack[1, false, true]");
  }
}
