package io.video2mp3.gateway.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  /** ID3 tags larger than this (cover art of several MB) are not looked past: such files are refused. */
  public static final int MAX_TAG_BYTES = 1 << 20;
  /** Room after the tags for two MPEG audio frame headers (the longest frame: 2880 bytes). */
  private static final int FRAMES_BYTES = 4096;

  private static final int[][] BITRATES_KBPS = {
      {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
      {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG-1 layer II
      {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG-1 layer III
      {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG-2/2.5 layer I
      {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // MPEG-2/2.5 layers II, III
  };
  private static final int[] MPEG1_SAMPLE_RATES = {44100, 48000, 32000};

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
    if (ascii(head, 0, "ID3")) {
      // ffmpeg skips an ID3v2 tag before it guesses the format, so a tag in front of a playlist
      // would make it open the playlist's URLs: only an MPEG audio frame may follow the tag.
      return startsWithFrames(head, endOfId3Tags(head)) ? Optional.of("audio") : Optional.empty();
    }
    if (ascii(head, 0, "fLaC") || ascii(head, 0, "#!AMR")) {
      return Optional.of("audio");
    }
    if (startsWithFrames(head, 0)) {
      return Optional.of("MPEG audio");
    }
    return Optional.empty();
  }

  /**
   * The leading bytes to give {@link #detect}: {@link #HEAD_BYTES}, or for an ID3-tagged file the
   * tags and the first frame after them, up to {@link #MAX_TAG_BYTES} (a file with
   * larger tags is refused).
   */
  public static byte[] readHead(InputStream in) throws IOException {
    byte[] head = in.readNBytes(HEAD_BYTES);
    int needed = bytesNeeded(head);
    if (needed <= head.length) {
      return head;
    }
    byte[] rest = in.readNBytes(needed - head.length);
    byte[] all = Arrays.copyOf(head, head.length + rest.length);
    System.arraycopy(rest, 0, all, head.length, rest.length);
    return all;
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

  /** Where the ID3v2 tags at the start end (several may follow each other); -1 if one is malformed. */
  static int endOfId3Tags(byte[] head) {
    int at = 0;
    while (head.length >= at + 10 && ascii(head, at, "ID3")) {
      int major = head[at + 3] & 0xFF;
      int flags = head[at + 5] & 0xFF;
      if (major < 2 || major > 4 || (head[at + 4] & 0xFF) == 0xFF) {
        return -1;
      }
      long size = 0;
      for (int i = 6; i < 10; i++) {
        if ((head[at + i] & 0x80) != 0) {
          return -1; // not syncsafe
        }
        size = size << 7 | head[at + i];
      }
      long end = at + 10L + size + ((flags & 0x10) != 0 ? 10 : 0);
      if (end > MAX_TAG_BYTES) {
        return -1;
      }
      at = (int) end;
    }
    return at;
  }

  private static int bytesNeeded(byte[] head) {
    if (!ascii(head, 0, "ID3")) {
      return head.length;
    }
    int end = endOfId3Tags(head);
    // a tag that ends past the head: read up to its end (bounded), then look again
    int tagsEnd = end < 0 ? head.length : end;
    return Math.max(head.length, Math.min(tagsEnd, MAX_TAG_BYTES) + FRAMES_BYTES);
  }

  /**
   * An MPEG audio or ADTS frame header at {@code at} whose fields are not reserved values, and, when
   * the head reaches that far, another header where the frame ends: a chance match is unlikely twice.
   */
  static boolean startsWithFrames(byte[] head, int at) {
    int length = frameLength(head, at);
    if (length <= 0) {
      return false;
    }
    return head.length < at + length + 4 || frameLength(head, at + length) > 0;
  }

  /** The frame's length in bytes when a valid header starts at {@code at}, else 0. */
  private static int frameLength(byte[] head, int at) {
    if (at < 0 || head.length < at + 7 || (head[at] & 0xFF) != 0xFF) {
      return 0;
    }
    int b1 = head[at + 1] & 0xFF;
    int b2 = head[at + 2] & 0xFF;
    if ((b1 & 0xF6) == 0xF0) { // ADTS (AAC): layer 00
      int length = (head[at + 3] & 0x03) << 11 | (head[at + 4] & 0xFF) << 3 | (head[at + 5] & 0xFF) >> 5;
      return ((b2 >> 2) & 0x0F) < 13 && length >= 7 ? length : 0;
    }
    int version = (b1 >> 3) & 0x03; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
    int layer = 4 - ((b1 >> 1) & 0x03); // 4 (bits 00) is reserved
    int bitrateIndex = b2 >> 4;
    int rateIndex = (b2 >> 2) & 0x03;
    if ((b1 & 0xE0) != 0xE0 || version == 1 || layer == 4 || bitrateIndex == 0 || bitrateIndex == 15
        || rateIndex == 3) {
      return 0;
    }
    boolean mpeg1 = version == 3;
    int table = mpeg1 ? layer - 1 : (layer == 1 ? 3 : 4);
    int bitrate = BITRATES_KBPS[table][bitrateIndex - 1] * 1000;
    int sampleRate = MPEG1_SAMPLE_RATES[rateIndex] / (mpeg1 ? 1 : version == 2 ? 2 : 4);
    int padding = (b2 >> 1) & 0x01;
    if (layer == 1) {
      return (12 * bitrate / sampleRate + padding) * 4;
    }
    return (layer == 3 && !mpeg1 ? 72 : 144) * bitrate / sampleRate + padding;
  }
}
