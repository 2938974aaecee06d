package io.video2mp3.operator.conversion;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * FIFO admission, per namespace: a namespace's conversions wait in creation order (then name) and
 * at most the namespace's {@code max} of them hold a slot (have a Job and are not finished) at
 * once. Namespaces do not wait for each other. Pure, so the order is testable.
 */
public final class Admission {

  /** Within one namespace: creation time (one-second resolution), then name. */
  static final Comparator<Candidate> FIFO = Comparator
      .comparing(Candidate::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Candidate::name);

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

  /** {@code all} may span namespaces: only those in {@code namespace} count; {@code max} is that namespace's limit. */
  public static Decision decide(String namespace, String name, List<Candidate> all, int max) {
    int running = (int) all.stream().filter(c -> c.namespace().equals(namespace)).filter(Candidate::holdsSlot).count();
    List<Candidate> waiting = all.stream().filter(c -> c.namespace().equals(namespace))
        .filter(Candidate::waiting).sorted(FIFO).toList();
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
   * The waiting conversions of {@code namespace} to look at when a slot there may have been freed
   * (or its limit raised): the head of its queue, at most {@code max} of them (no more slots than
   * that can be free). Those behind them cannot be admitted before these, so waking them would only
   * cost API writes.
   */
  public static List<Candidate> nextInLine(String namespace, List<Candidate> all, int max) {
    return all.stream().filter(c -> c.namespace().equals(namespace)).filter(Candidate::waiting).sorted(FIFO)
        .limit(Math.max(0, max)).toList();
  }

  /** Conversions holding a slot, in every namespace. */
  public static int running(List<Candidate> all) {
    return (int) all.stream().filter(Candidate::holdsSlot).count();
  }
}
