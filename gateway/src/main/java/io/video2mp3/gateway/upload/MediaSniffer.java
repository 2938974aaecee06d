package io.video2mp3.gateway.upload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Recognises media containers by their first bytes. Extensions and declared content types are not
 * trusted: only what ffmpeg could plausibly read gets stored.
 */
public final class MediaSniffer {

  /** How many leading bytes {@link #detect} looks at (MPEG-TS needs two 188-byte packets' sync bytes). */
  public static final int HEAD_BYTES = 512;

  /** What {@link #detect} recognises, in the words users know (for the page's stated limits). */
  public static final List<String> FORMATS = List.of("MP4", "MOV", "3GP", "MKV", "WebM", "AVI",
      "WMV", "MPEG", "MPEG-TS", "FLV", "Ogg", "RealMedia", "MP3", "AAC", "WAV", "FLAC", "AMR");

  private MediaSniffer() {
  }

  /** The container's name, or empty when the bytes are not a known media format. */
  public static Optional<String> detect(byte[] head) {
    int n = head.length;
    if (n >= 12 && ascii(head, 4, "ftyp")) {
      return Optional.of("ISO base media (MP4/MOV/3GP)");
    }
    if (n >= 8 && (ascii(head, 4, "moov") || ascii(head, 4, "mdat") || ascii(head, 4, "wide")
        || ascii(head, 4, "free") || ascii(head, 4, "skip"))) {
      return Optional.of("QuickTime");
    }
    if (startsWith(head, 0x1A, 0x45, 0xDF, 0xA3)) {
      return Optional.of("Matroska/WebM");
    }
    if (n >= 12 && ascii(head, 0, "RIFF") && (ascii(head, 8, "AVI ") || ascii(head, 8, "WAVE"))) {
      return Optional.of(ascii(head, 8, "AVI ") ? "AVI" : "WAV");
    }
    if (startsWith(head, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11)) {
      return Optional.of("ASF/WMV");
    }
    if (startsWith(head, 0x00, 0x00, 0x01, 0xBA) || startsWith(head, 0x00, 0x00, 0x01, 0xB3)) {
      return Optional.of("MPEG program stream");
    }
    if (isTransportStream(head, 0, 188) || isTransportStream(head, 4, 192)) {
      return Optional.of("MPEG transport stream");
    }
    if (n >= 4 && ascii(head, 0, "FLV") && head[3] == 0x01) {
      return Optional.of("FLV");
    }
    if (ascii(head, 0, "OggS")) {
      return Optional.of("Ogg");
    }
    if (ascii(head, 0, ".RMF")) {
      return Optional.of("RealMedia");
    }
    if (ascii(head, 0, "ID3") || ascii(head, 0, "fLaC") || ascii(head, 0, "#!AMR")) {
      return Optional.of("audio");
    }
    // MPEG audio / ADTS AAC frame sync: 11 set bits, then a valid version/layer combination.
    if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0x00
        || n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF6) == 0xF0) {
      return Optional.of("MPEG audio");
    }
    return Optional.empty();
  }

  /** Sync byte 0x47 at the start of the first packets (and enough of them to tell it from chance). */
  private static boolean isTransportStream(byte[] head, int offset, int packetSize) {
    if (head.length <= offset || head[offset] != 0x47) {
      return false;
    }
    int checked = 0;
    for (int at = offset; at < head.length; at += packetSize) {
      if (head[at] != 0x47) {
        return false;
      }
      checked++;
    }
    // A whole body shorter than one packet with a leading 'G' is text, not a stream.
    return checked >= 2;
  }

  private static boolean startsWith(byte[] head, int... bytes) {
    if (head.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((head[i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] head, int offset, String text) {
    byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
    if (head.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (head[offset + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
