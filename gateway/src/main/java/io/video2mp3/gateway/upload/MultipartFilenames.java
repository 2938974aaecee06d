package io.video2mp3.gateway.upload;

/**
 * Browsers escape three characters in a multipart filename (WHATWG HTML, "multipart/form-data encoding
 * algorithm"): LF as {@code %0A}, CR as {@code %0D} and {@code "} as {@code %22}. Only those are undone:
 * any other {@code %xx} is what the user's file is really called. Control characters that come back
 * are the upload's filename cleaning's business.
 */
final class MultipartFilenames {

  private MultipartFilenames() {
  }

  static String decode(String sent) {
    if (sent == null || sent.indexOf('%') < 0) {
      return sent;
    }
    return sent.replace("%22", "\"").replace("%0A", "\n").replace("%0D", "\r");
  }
}
