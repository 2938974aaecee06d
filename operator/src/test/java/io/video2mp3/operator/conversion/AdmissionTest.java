package io.video2mp3.operator.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.video2mp3.operator.conversion.Admission.Candidate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private static Candidate waiting(String name, int second) {
    return new Candidate("ns", name, T0.plusSeconds(second), "alice", false, true, false);
  }

  private static Candidate running(String name) {
    return new Candidate("ns", name, T0, "alice", true, false, false);
  }

  private static Candidate done(String name) {
    return new Candidate("ns", name, T0, "alice", false, false, false);
  }

  @Test
  void admitsWhileSlotsAreFree() {
    var all = List.of(waiting("a", 1), running("r1"), done("d"));
    assertThat(Admission.decide("ns", "a", all, 2)).isEqualTo(new Admission.Decision(true, 1, 0));
    assertThat(Admission.decide("ns", "a", all, 1).admit()).isFalse();
  }

  @Test
  void firstInFirstOut() {
    var all = List.of(waiting("c", 3), waiting("a", 1), waiting("b", 2));
    assertThat(Admission.decide("ns", "a", all, 1).admit()).isTrue();
    assertThat(Admission.decide("ns", "b", all, 1)).isEqualTo(new Admission.Decision(false, 0, 1));
    assertThat(Admission.decide("ns", "c", all, 1).position()).isEqualTo(2);
    assertThat(Admission.decide("ns", "b", all, 2).admit()).isTrue();
    assertThat(Admission.decide("ns", "c", all, 2).admit()).isFalse();
  }

  @Test
  void sameCreationTimeOrdersByName() {
    var all = List.of(waiting("b", 1), waiting("a", 1), new Candidate("aa", "a", T0.plusSeconds(1), "alice", false, true, false));
    assertThat(Admission.decide("aa", "a", all, 1).admit()).isTrue();
    assertThat(Admission.decide("ns", "a", all, 1).position()).isZero();
    assertThat(Admission.decide("ns", "b", all, 1).position()).isEqualTo(1);
  }

  @Test
  void finishedConversionsFreeTheirSlot() {
    var all = List.of(done("old"), waiting("next", 5));
    assertThat(Admission.decide("ns", "next", all, 1).admit()).isTrue();
  }

  @Test
  void fullMeansQueuedEvenWhenFirst() {
    var all = List.of(running("r1"), running("r2"), waiting("a", 1));
    assertThat(Admission.decide("ns", "a", all, 2)).isEqualTo(new Admission.Decision(false, 2, 0));
  }

  @Test
  void nextInLineIsTheHeadOfTheQueueUpToTheLimit() {
    var all = List.of(waiting("c", 3), running("r1"), waiting("a", 1), done("d"), waiting("b", 2));
    assertThat(Admission.nextInLine("ns", all, 2)).extracting(Candidate::name).containsExactly("a", "b");
    assertThat(Admission.nextInLine("ns", all, 5)).extracting(Candidate::name).containsExactly("a", "b", "c");
    assertThat(Admission.nextInLine("ns", List.of(running("r1"), done("d")), 3)).isEmpty();
  }

  @Test
  void eachNamespaceHasItsOwnSlotsAndQueue() {
    // "other" is full and has an older waiting conversion; "ns" does not wait for it.
    var all = List.of(
        new Candidate("other", "o-run", T0, "alice", true, false, false),
        new Candidate("other", "o-wait", T0, "alice", false, true, false),
        waiting("a", 1), waiting("b", 2), running("r1"));
    assertThat(Admission.decide("ns", "a", all, 2)).isEqualTo(new Admission.Decision(true, 1, 0));
    assertThat(Admission.decide("ns", "b", all, 2)).isEqualTo(new Admission.Decision(false, 1, 1));
    assertThat(Admission.decide("ns", "b", all, 3).admit()).isTrue();
    assertThat(Admission.decide("other", "o-wait", all, 1)).isEqualTo(new Admission.Decision(false, 1, 0));
    assertThat(Admission.decide("other", "o-wait", all, 2).admit()).isTrue();
    assertThat(Admission.nextInLine("other", all, 4)).extracting(Candidate::name).containsExactly("o-wait");
    assertThat(Admission.nextInLine("ns", all, 4)).extracting(Candidate::name).containsExactly("a", "b");
    assertThat(Admission.nextInLine("empty", all, 4)).isEmpty();
    assertThat(Admission.running(all)).isEqualTo(2);
  }

  private static Candidate waitingFor(String owner, String name, int second) {
    return new Candidate("ns", name, T0.plusSeconds(second), owner, false, true, false);
  }

  private static Candidate runningFor(String owner, String name) {
    return new Candidate("ns", name, T0, owner, true, false, false);
  }

  @Test
  void oneOwnersManyUploadsDoNotMakeAnothersWaitBehindThemAll() {
    var all = new java.util.ArrayList<Candidate>();
    for (int i = 0; i < 100; i++) {
      all.add(waitingFor("alice", "a-" + i, i));
    }
    all.add(waitingFor("bob", "b-0", 500));
    // Round-robin between owners: alice's first, then bob's only one, then alice's others in order.
    assertThat(Admission.nextInLine("ns", all, 4)).extracting(Candidate::name)
        .containsExactly("a-0", "b-0", "a-1", "a-2");
    assertThat(Admission.decide("ns", "b-0", all, 2)).isEqualTo(new Admission.Decision(true, 0, 1));
    assertThat(Admission.decide("ns", "a-1", all, 2).admit()).isFalse();
  }

  @Test
  void whatAnOwnerAlreadyRunsCountsAgainstThem() {
    var all = List.of(runningFor("alice", "a-run-1"), runningFor("alice", "a-run-2"),
        waitingFor("alice", "a-1", 1), waitingFor("alice", "a-2", 2), waitingFor("bob", "b-1", 9),
        waitingFor("carol", "c-1", 5));
    // alice holds two slots: the others' first conversions go before alice's next, each in creation order.
    assertThat(Admission.nextInLine("ns", all, 10)).extracting(Candidate::name)
        .containsExactly("c-1", "b-1", "a-1", "a-2");
    assertThat(Admission.decide("ns", "c-1", all, 3)).isEqualTo(new Admission.Decision(true, 2, 0));
  }

  @Test
  void withinOneOwnerFirstComeFirstServed() {
    var all = List.of(waitingFor("bob", "b-2", 2), waitingFor("bob", "b-1", 1), waitingFor("bob", "b-3", 3));
    assertThat(Admission.nextInLine("ns", all, 3)).extracting(Candidate::name).containsExactly("b-1", "b-2", "b-3");
  }

  @Test
  void aConversionWhoseReconcileFailsIsPassedOverUntilItRecovers() {
    var broken = new Candidate("ns", "broken", T0, "alice", false, true, true);
    var all = List.of(broken, waiting("next", 5));
    assertThat(Admission.decide("ns", "next", all, 1)).isEqualTo(new Admission.Decision(true, 0, 0));
    assertThat(Admission.nextInLine("ns", all, 1)).extracting(Candidate::name).containsExactly("next");
    // Its own retry still competes for a slot, from its place in the queue.
    assertThat(Admission.decide("ns", "broken", all, 1)).isEqualTo(new Admission.Decision(true, 0, 0));
  }
}
