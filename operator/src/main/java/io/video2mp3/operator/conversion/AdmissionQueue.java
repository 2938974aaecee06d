package io.video2mp3.operator.conversion;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.video2mp3.api.conversion.Owner;
import io.video2mp3.api.conversion.VideoConversion;
import io.video2mp3.api.conversion.VideoConversionStatus;
import io.video2mp3.operator.reconcile.ErrorConditions;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Who holds a slot and who waits, as {@link Admission} needs it: the conversions' statuses, plus
 * the conversions this operator admitted whose status write is not visible yet (the Job exists, so
 * they hold a slot even though the status read from the cache does not name the Job).
 */
final class AdmissionQueue {

  private final Set<ResourceID> recentlyAdmitted = ConcurrentHashMap.newKeySet();

  void admitted(VideoConversion conversion) {
    recentlyAdmitted.add(ResourceID.fromResource(conversion));
  }

  void forget(VideoConversion conversion) {
    recentlyAdmitted.remove(ResourceID.fromResource(conversion));
  }

  /** Has (or is getting) a Job and is not finished, whether or not it is being deleted. */
  boolean occupiesSlot(VideoConversion conversion) {
    return hasJob(conversion) && !StatusLogic.isTerminal(conversion.getStatus());
  }

  /** One candidate per conversion; entries whose conversion is gone are dropped. */
  List<Admission.Candidate> candidates(Stream<VideoConversion> conversions) {
    Set<ResourceID> present = new HashSet<>();
    List<Admission.Candidate> candidates = conversions.map(c -> {
      ResourceID id = ResourceID.fromResource(c);
      present.add(id);
      if (recordedJob(c)) {
        recentlyAdmitted.remove(id); // the status now says it: no need to remember
      }
      boolean hasJob = hasJob(c);
      boolean out = finishedOrLeaving(c);
      ObjectMeta meta = c.getMetadata();
      boolean failing = c.getStatus() != null && ErrorConditions.isFailing(c.getStatus().getConditions());
      return new Admission.Candidate(meta.getNamespace(), meta.getName(),
          Optional.ofNullable(meta.getCreationTimestamp()).map(Instant::parse).orElse(null),
          owner(c), hasJob && !out, !hasJob && !out, failing && !hasJob);
    }).toList();
    recentlyAdmitted.retainAll(present);
    return candidates;
  }

  /** The admitted owner once there is one, else the spec's: fairness is between the people conversions are for. */
  private static String owner(VideoConversion conversion) {
    Owner owner = conversion.request().owner();
    return owner == null || owner.username() == null ? "" : owner.username();
  }

  private boolean hasJob(VideoConversion conversion) {
    return recordedJob(conversion) || recentlyAdmitted.contains(ResourceID.fromResource(conversion));
  }

  private static boolean recordedJob(VideoConversion conversion) {
    VideoConversionStatus status = conversion.getStatus();
    return status != null && status.getJobName() != null;
  }

  private static boolean finishedOrLeaving(VideoConversion conversion) {
    return StatusLogic.isTerminal(conversion.getStatus()) || conversion.getMetadata().getDeletionTimestamp() != null;
  }
}
