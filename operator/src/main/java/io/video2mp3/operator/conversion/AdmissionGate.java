package io.video2mp3.operator.conversion;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.video2mp3.api.conversion.VideoConversion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may get a Job now: serialises admission (so two reconciles never take the same free slot),
 * asks {@link Admission}, and wakes the head of a namespace's queue when a slot may have been freed.
 */
final class AdmissionGate {

  static final String WAKEUPS = "admission";
  private static final Logger LOG = LoggerFactory.getLogger(AdmissionGate.class);

  private final Object lock = new Object();
  private final AdmissionQueue queue = new AdmissionQueue();
  /** Wakes queued conversions when a slot frees up (see {@link #wake}). */
  private final SimpleInboundEventSource<VideoConversion> wakeups = new SimpleInboundEventSource<>(WAKEUPS);
  private volatile int running;

  /** The outcome of one admission: the Job when admitted, else null; the decision either way. */
  record Outcome(Admission.Decision decision, Job job) {
  }

  SimpleInboundEventSource<VideoConversion> wakeups() {
    return wakeups;
  }

  /** Conversions holding a slot, as last computed; for the metrics gauge. */
  int running() {
    return running;
  }

  /**
   * Decides for {@code conversion} among every conversion the cache knows and, when admitted,
   * creates its Job while still holding the lock: the slot is taken before anyone else decides.
   * A create that throws leaves the slot free.
   */
  Outcome admit(VideoConversion conversion, IndexedResourceCache<VideoConversion> cache, int max,
      Supplier<Job> createJob) {
    synchronized (lock) {
      List<Admission.Candidate> candidates = queue.candidates(conversions(cache, conversion));
      var meta = conversion.getMetadata();
      Admission.Decision decision = Admission.decide(meta.getNamespace(), meta.getName(), candidates, max);
      LOG.debug("admission of {}/{} with at most {}: {}", meta.getNamespace(), meta.getName(), max, decision);
      running = Admission.running(candidates);
      if (!decision.admit()) {
        return new Outcome(decision, null);
      }
      Job job = createJob.get();
      queue.admitted(conversion);
      running++;
      return new Outcome(decision, job);
    }
  }

  /** The conversion finished or is gone: it holds no slot any more. */
  void forget(VideoConversion conversion) {
    queue.forget(conversion);
  }

  boolean occupiesSlot(VideoConversion conversion) {
    return queue.occupiesSlot(conversion);
  }

  /**
   * A slot in {@code namespace} may have been freed: reconcile the head of its queue now rather
   * than at its next recheck. Admission itself still decides (and serialises) who gets the slot.
   * Called after our own status write rather than on Job events: a Job that just finished still
   * holds its slot until its conversion's status says so, and a queued conversion reconciled in
   * between would go back to waiting.
   */
  void wake(IndexedResourceCache<VideoConversion> cache, String namespace, int max) {
    Set<ResourceID> next = nextInLine(cache, namespace, max);
    next.forEach(wakeups::propagateEvent);
    if (!next.isEmpty()) {
      LOG.debug("slot freed in {}: waking {}", namespace, next.stream().map(ResourceID::getName).toList());
    }
  }

  /** The head of a namespace's queue, up to its limit: those a freed slot or a raised limit may admit. */
  Set<ResourceID> nextInLine(IndexedResourceCache<VideoConversion> cache, String namespace, int max) {
    List<Admission.Candidate> next;
    synchronized (lock) {
      next = Admission.nextInLine(namespace, queue.candidates(conversions(cache, null)), max);
    }
    return next.stream().map(c -> new ResourceID(c.name(), c.namespace()))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Every conversion as fresh as this operator knows it, with {@code self} (if given) as this
   * reconcile sees it. The cache's list() reads the informer's store only; get() also returns our
   * own status writes that the watch has not delivered yet, such as the status that freed a slot.
   */
  private static Stream<VideoConversion> conversions(IndexedResourceCache<VideoConversion> cache,
      VideoConversion self) {
    ResourceID selfId = self == null ? null : ResourceID.fromResource(self);
    Stream<VideoConversion> others = cache.list()
        .map(ResourceID::fromResource)
        .filter(id -> !id.equals(selfId))
        .flatMap(id -> cache.get(id).stream());
    return self == null ? others : Stream.concat(others, Stream.of(self));
  }
}
