package io.video2mp3.gateway.download;

import io.video2mp3.api.conversion.Phase;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.download.SignedLink;
import io.video2mp3.gateway.auth.Caller;
import io.video2mp3.gateway.conversion.ConversionService;
import io.video2mp3.gateway.conversion.ConversionView;
import io.video2mp3.gateway.error.ApiException;
import io.video2mp3.gateway.storage.AudioStore;
import io.video2mp3.gateway.storage.AudioStore.StoredAudio;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Finds the MP3 a caller may download: only of their own (admins: any) finished conversions. */
@Service
class DownloadService {

  private static final int MAX_ID_CHARS = 128;

  private final ConversionService conversions;
  private final AudioStore audio;

  DownloadService(ConversionService conversions, AudioStore audio) {
    this.conversions = conversions;
    this.audio = audio;
  }

  Download byName(Caller caller, String name) {
    return of(conversions.get(caller, name));
  }

  /**
   * By the file id the notifier emails (the conversion's uid). The stored file says which conversion
   * it belongs to; when it is not there yet, the conversion is looked up by its uid or output.
   */
  Download byFileId(Caller caller, String fileId) {
    if (fileId == null || fileId.isBlank() || fileId.length() > MAX_ID_CHARS) {
      throw ApiException.notFound("file " + (fileId == null ? "" : fileId));
    }
    Optional<StoredAudio> stored = audio.find(fileId);
    Optional<VideoConversion> conversion = stored
        .filter(file -> conversions.namespace().equals(file.namespace()) && file.conversion() != null)
        .flatMap(file -> lookup(caller, file.conversion()))
        .filter(found -> fileId.equals(outputFileId(found)));
    if (conversion.isEmpty()) {
      conversion = conversions.findByOutput(caller, fileId);
    }
    return of(conversion.orElseThrow(() -> ApiException.notFound("file " + fileId)));
  }

  /**
   * By a signed link's grant, with no caller: the conversion must still exist, belong to the grant's
   * owner and have the granted file as its output; a deleted conversion's link is dead.
   */
  Download bySignedLink(SignedLink.Grant grant) {
    VideoConversion conversion = conversions.findByOutput(grant.fileId())
        .filter(found -> found.request().owner() != null
            && grant.owner().equals(SignedLink.ownerKey(found.request().owner())))
        .filter(found -> grant.fileId().equals(outputFileId(found)))
        .orElseThrow(() -> ApiException.notFound("file " + grant.fileId()));
    return of(conversion);
  }

  private Optional<VideoConversion> lookup(Caller caller, String name) {
    try {
      return Optional.of(conversions.get(caller, name));
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  private Download of(VideoConversion conversion) {
    String name = conversion.getMetadata().getName();
    Phase phase = ConversionView.phaseOf(conversion);
    if (phase != Phase.Succeeded) {
      // An earlier attempt's partial output may exist: only a Succeeded conversion's file is complete.
      throw ApiException.notDone(name, phase.name());
    }
    StoredAudio file = audio.find(outputFileId(conversion))
        .orElseThrow(() -> ApiException.notFound("audio of conversion " + name));
    return new Download(conversion, file, downloadName(conversion, file));
  }

  private static String outputFileId(VideoConversion conversion) {
    if (conversion.getStatus() != null && conversion.getStatus().getOutput() != null
        && conversion.getStatus().getOutput().fileId() != null) {
      return conversion.getStatus().getOutput().fileId();
    }
    return conversion.getMetadata().getUid();
  }

  /** The original video's name with {@code .mp3}, as the user will recognise it. */
  private static String downloadName(VideoConversion conversion, StoredAudio file) {
    String source = conversion.getSpec() != null && conversion.getSpec().getSource() != null
        ? conversion.getSpec().getSource().filename() : null;
    String base = source != null && !source.isBlank() ? source
        : file.filename() != null && !file.filename().isBlank() ? file.filename()
        : conversion.getMetadata().getName();
    int dot = base.lastIndexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    return base + ".mp3";
  }

  record Download(VideoConversion conversion, StoredAudio file, String filename) {
  }
}
