package io.video2mp3.gateway.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A small multipart/form-data body builder for in-memory test bodies. */
public final class Multipart {

  private final String boundary = "----gatewayit" + UUID.randomUUID().toString().replace("-", "");
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  public Multipart file(String field, String filename, String contentType, byte[] content) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  public Multipart field(String field, String value) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n");
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public HttpRequest.BodyPublisher publisher() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(body.toByteArray());
    copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.BodyPublishers.ofByteArray(copy.toByteArray());
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
