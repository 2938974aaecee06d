package io.video2mp3.operator.converter;

import java.util.ArrayList;
import java.util.List;

/**
 * Where ffprobe/ffmpeg read the source, and the input options that go with it.
 *
 * <p>Every input is confined: ffmpeg's demuxers follow references (HLS and DASH playlists, concat
 * lists, SDP, image sequences, MOV data references), so a file can make it open any URL. The
 * format whitelist admits only the containers the gateway's sniffer accepts, none of which opens
 * other resources (the MOV demuxer ignores data references unless told otherwise); the protocol
 * whitelist, which ffmpeg applies to every nested open too, admits only how the input itself is
 * reached (http+tcp for the loopback server, file for a scratch copy).
 *
 * @param url a loopback HTTP URL or a local file
 * @param options placed before {@code -i}
 */
record FfmpegInput(String url, List<String> options) {

  /** Demuxer names as ffmpeg lists them ("mov" matches "mov,mp4,m4a,3gp,3g2,mj2"). */
  static final String ACCEPTED_FORMATS = "mov,matroska,avi,wav,asf,mpeg,mpegts,flv,ogg,rm,mp3,flac,amr,aac";

  FfmpegInput {
    options = List.copyOf(options);
  }

  /** An input reached only over {@code protocols}, read only by the accepted demuxers. */
  static FfmpegInput confined(String url, String protocols, List<String> protocolOptions) {
    List<String> options = new ArrayList<>(List.of("-protocol_whitelist", protocols,
        "-format_whitelist", ACCEPTED_FORMATS));
    options.addAll(protocolOptions);
    return new FfmpegInput(url, options);
  }
}
