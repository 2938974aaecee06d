package io.video2mp3.gateway.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.gateway.storage.AudioStore.StoredAudio;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AudioResponderTest {

  private static final StoredAudio FILE = new StoredAudio("uid-1", "talk.mp3", 1000, 42, "ns", "vc-1");

  // The responder only opens the store when it has bytes to send; these cases send none.
  private final AudioResponder responder = new AudioResponder(null);

  @Test
  void rangePastTheEndIs416WithTheLength() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audio");
    request.addHeader("Range", "bytes=1000-");
    MockHttpServletResponse response = new MockHttpServletResponse();

    assertThat(responder.send(FILE, "talk.mp3", request, response)).isZero();

    assertThat(response.getStatus()).isEqualTo(416);
    assertThat(response.getHeader("Content-Range")).isEqualTo("bytes */1000");
    assertThat(response.getContentAsString()).contains("requested_range_not_satisfiable");
  }

  @Test
  void matchingEtagIsNotModified() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audio");
    request.addHeader("If-None-Match", "\"uid-1-42\"");
    MockHttpServletResponse response = new MockHttpServletResponse();

    responder.send(FILE, "talk.mp3", request, response);

    assertThat(response.getStatus()).isEqualTo(304);
  }

  @Test
  void headAnswersTheLengthWithoutABody() {
    MockHttpServletRequest request = new MockHttpServletRequest("HEAD", "/audio");
    request.addHeader("Range", "bytes=10-19");
    MockHttpServletResponse response = new MockHttpServletResponse();

    responder.send(FILE, "talk.mp3", request, response);

    assertThat(response.getStatus()).isEqualTo(206);
    assertThat(response.getHeader("Content-Length")).isEqualTo("10");
    assertThat(response.getHeader("Content-Range")).isEqualTo("bytes 10-19/1000");
    assertThat(response.getContentType()).isEqualTo("audio/mpeg");
  }

  @Test
  void asciiNamesNeedNoExtendedParameter() {
    assertThat(AudioResponder.contentDisposition("talk.mp3")).isEqualTo("attachment; filename=\"talk.mp3\"");
  }

  @Test
  void quotesAndNonAsciiGetAFallbackAndTheExactName() {
    String header = AudioResponder.contentDisposition("Grüße \"live\".mp3");
    assertThat(header).startsWith("attachment; filename=\"Gr__e _live_.mp3\"");
    assertThat(header).endsWith("; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22live%22.mp3");
  }
}
