package io.video2mp3.operator.conversion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fair admission, per namespace: at most the namespace's {@code max} conversions hold a slot (have
 * a Job and are not finished) at once, and the waiting ones take the free slots round-robin between
 * their owners, first come first served within one owner: an owner's k-th waiting conversion ranks
 * after every owner's conversions with fewer held or waiting before them (as in Kueue's fair
 * sharing, what an owner already runs counts against it). One user's hundred uploads never make
 * another's single upload wait behind all of them. Namespaces do not wait for each other.
 * A conversion whose last reconcile failed ({@code blocked}) is passed over by the others until it
 * recovers, so one that cannot start never holds up the queue. Pure, so the order is testable.
 */
public final class Admission {

  /** Within one rank: creation time (one-second resolution), then name. */
  static final Comparator<Candidate> FIFO = Comparator
      .comparing(Candidate::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Candidate::name);

  private Admission() {
  }

  /**
   * A conversion as admission sees it. {@code holdsSlot}: it has (or is getting) a Job and is not
   * finished. {@code waiting}: it has no Job yet and is not finished or being deleted.
   * {@code owner}: who it is for (fairness is between owners). {@code blocked}: its last reconcile failed.
   */
  public record Candidate(String namespace, String name, Instant createdAt, String owner, boolean holdsSlot,
      boolean waiting, boolean blocked) {
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
    int position = 0;
    for (Candidate candidate : queue(namespace, name, all)) {
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
    return queue(namespace, null, all).stream().limit(Math.max(0, max)).toList();
  }

  /** Conversions holding a slot, in every namespace. */
  public static int running(List<Candidate> all) {
    return (int) all.stream().filter(Candidate::holdsSlot).count();
  }

  /** The namespace's waiting conversions in the order they get slots; {@code self} is in it even when blocked. */
  static List<Candidate> queue(String namespace, String self, List<Candidate> all) {
    Map<String, Integer> heldOrAhead = new HashMap<>();
    all.stream().filter(c -> c.namespace().equals(namespace)).filter(Candidate::holdsSlot)
        .forEach(c -> heldOrAhead.merge(c.owner(), 1, Integer::sum));
    List<Candidate> waiting = all.stream().filter(c -> c.namespace().equals(namespace))
        .filter(Candidate::waiting).filter(c -> !c.blocked() || c.sameAs(namespace, self))
        .sorted(FIFO).toList();
    record Ranked(Candidate candidate, int rank) {
    }
    List<Ranked> ranked = new ArrayList<>();
    for (Candidate candidate : waiting) {
      int rank = heldOrAhead.getOrDefault(candidate.owner(), 0);
      heldOrAhead.put(candidate.owner(), rank + 1);
      ranked.add(new Ranked(candidate, rank));
    }
    return ranked.stream()
        .sorted(Comparator.comparingInt(Ranked::rank).thenComparing(Ranked::candidate, FIFO))
        .map(Ranked::candidate).toList();
  }
}
