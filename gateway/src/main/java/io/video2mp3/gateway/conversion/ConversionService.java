package io.video2mp3.gateway.conversion;

import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.gateway.auth.Caller;
import io.video2mp3.gateway.error.ApiException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** Conversions as a caller may see them: their own, or all for admins; anything else does not exist. */
@Service
public class ConversionService {

  private static final Comparator<VideoConversion> NEWEST_FIRST = Comparator
      .comparing((VideoConversion c) -> Optional.ofNullable(c.getMetadata().getCreationTimestamp()).orElse(""))
      .reversed()
      .thenComparing(c -> c.getMetadata().getName());

  private final ConversionRepository repository;

  public ConversionService(ConversionRepository repository) {
    this.repository = repository;
  }

  /** The conversion if the caller may see it; 404 when it does not exist or belongs to someone else. */
  public VideoConversion get(Caller caller, String name) {
    return repository.find(name)
        .filter(conversion -> visibleTo(caller, conversion))
        .orElseThrow(() -> ApiException.notFound("conversion " + name));
  }

  public List<VideoConversion> visible(Caller caller) {
    return repository.list().stream()
        .filter(conversion -> visibleTo(caller, conversion))
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /** The conversion whose output is {@code fileId} (its uid), if the caller may see it. */
  public Optional<VideoConversion> findByOutput(Caller caller, String fileId) {
    return withOutput(fileId).filter(conversion -> visibleTo(caller, conversion)).findFirst();
  }

  /** The conversion whose output is {@code fileId}, whoever owns it: for a link that carries its own proof. */
  public Optional<VideoConversion> findByOutput(String fileId) {
    return withOutput(fileId).findFirst();
  }

  private Stream<VideoConversion> withOutput(String fileId) {
    return repository.list().stream()
        .filter(conversion -> fileId.equals(conversion.getMetadata().getUid())
            || (conversion.getStatus() != null && conversion.getStatus().getOutput() != null
                && fileId.equals(conversion.getStatus().getOutput().fileId())));
  }

  public void delete(Caller caller, String name) {
    get(caller, name);
    repository.delete(name);
  }

  public String namespace() {
    return repository.namespace();
  }

  /** By the owner the operator admitted the conversion for (the spec's until then): a later spec edit hands nothing over. */
  private static boolean visibleTo(Caller caller, VideoConversion conversion) {
    Owner owner = conversion.request().owner();
    return owner != null ? caller.maySee(owner) : caller.admin();
  }
}
