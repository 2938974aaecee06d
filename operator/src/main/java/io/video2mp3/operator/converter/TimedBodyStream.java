package io.video2mp3.operator.converter;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP response body as an {@link InputStream} with a read timeout, which java.net.http does
 * not have: its request timeout ends when the headers arrive, and {@code ofInputStream()} blocks
 * forever on a server that stalls mid-body. Demand is one buffer list at a time, so at most a
 * few network buffers are held.
 */
final class TimedBodyStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

  private static final Object END = new Object();

  private final Duration readTimeout;
  private final String what;
  /** Holds at most one signal per request(1), plus the terminal one. */
  private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
  private volatile Flow.Subscription subscription;
  private Iterator<ByteBuffer> current;
  private ByteBuffer buffer;
  private boolean finished;
  private boolean closed;

  TimedBodyStream(Duration readTimeout, String what) {
    this.readTimeout = readTimeout;
    this.what = what;
  }

  /** The stream is usable as soon as the headers are in; reads then wait for the body. */
  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    signals.offer(item);
  }

  @Override
  public void onError(Throwable throwable) {
    signals.offer(throwable);
  }

  @Override
  public void onComplete() {
    signals.offer(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    while (buffer == null || !buffer.hasRemaining()) {
      if (current != null && current.hasNext()) {
        buffer = current.next();
        continue;
      }
      if (finished) {
        return -1;
      }
      if (current != null) {
        current = null;
        subscription.request(1);
      }
      Object signal = next();
      if (signal == END) {
        finished = true;
      } else if (signal instanceof Throwable t) {
        finished = true;
        throw t instanceof IOException io ? io : new IOException(what + ": " + t.getMessage(), t);
      } else {
        @SuppressWarnings("unchecked")
        List<ByteBuffer> list = (List<ByteBuffer>) signal;
        current = list.iterator();
      }
    }
    int n = Math.min(len, buffer.remaining());
    buffer.get(b, off, n);
    return n;
  }

  private Object next() throws IOException {
    try {
      Object signal = signals.poll(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (signal == null) {
        close();
        throw new SocketTimeoutException(what + ": no data for " + readTimeout.toSeconds() + " s");
      }
      return signal;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException(what + ": interrupted", e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      signals.clear();
    }
  }
}
