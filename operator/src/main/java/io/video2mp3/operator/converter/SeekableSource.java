package io.video2mp3.operator.converter;

import java.io.IOException;
import java.io.InputStream;

/** Bytes of a known length that can be streamed from any offset (a GridFS file, an HTTP range). */
public interface SeekableSource {

  long size();

  /** A fresh stream positioned at {@code offset} (0 ≤ offset ≤ size). */
  InputStream openAt(long offset) throws IOException;

  /** For messages: where the bytes come from. */
  String describe();
}
