package io.video2mp3.operator.conversion;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * FIFO admission: conversions wait in creation order (then name, then namespace) and at most
 * {@code max} hold a slot (have a Job and are not finished) at once. Pure, so the order is testable.
 */
public final class Admission {

  static final Comparator<Candidate> FIFO = Comparator
      .comparing(Candidate::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Candidate::name)
      .thenComparing(Candidate::namespace);

  private Admission() {
  }

  /**
   * A conversion as admission sees it. {@code holdsSlot}: it has (or is getting) a Job and is not
   * finished. {@code waiting}: it has no Job yet and is not finished or being deleted.
   */
  public record Candidate(String namespace, String name, Instant createdAt, boolean holdsSlot, boolean waiting) {
    boolean sameAs(String otherNamespace, String otherName) {
      return namespace.equals(otherNamespace) && name.equals(otherName);
    }
  }

  /** {@code position}: how many waiting conversions are ahead of this one. */
  public record Decision(boolean admit, int running, int position) {
  }

  public static Decision decide(String namespace, String name, List<Candidate> all, int max) {
    int running = (int) all.stream().filter(Candidate::holdsSlot).count();
    List<Candidate> waiting = all.stream().filter(Candidate::waiting).sorted(FIFO).toList();
    int position = 0;
    for (Candidate candidate : waiting) {
      if (candidate.sameAs(namespace, name)) {
        break;
      }
      position++;
    }
    return new Decision(running + position < max, running, position);
  }

  /**
   * The waiting conversions to look at when a slot may have been freed: the head of the queue, at
   * most {@code max} of them (no more slots than that can be free). Those behind them cannot be
   * admitted before these, so waking them would only cost API writes.
   */
  public static List<Candidate> nextInLine(List<Candidate> all, int max) {
    return all.stream().filter(Candidate::waiting).sorted(FIFO).limit(Math.max(0, max)).toList();
  }
}
