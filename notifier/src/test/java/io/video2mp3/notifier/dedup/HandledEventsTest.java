package io.video2mp3.notifier.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import io.video2mp3.api.storage.StorageLayout;
import io.video2mp3.notifier.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.threeten.extra.MutableClock;

class HandledEventsTest {

  @RegisterExtension static final InMemoryMongo mongo = new InMemoryMongo();

  private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private MongoCollection<Document> collection;
  private HandledEvents handled;

  @BeforeEach
  void setUp() {
    collection = mongo.emptyCollection("handled-events-test", StorageLayout.HANDLED_EVENTS_COLLECTION);
    handled = new HandledEvents(collection, clock, Duration.ofDays(30), Duration.ofMinutes(5));
    handled.ensureIndexes();
  }

  @Test
  void firstClaimWinsAndASentEventIsADuplicate() {
    ClaimResult first = handled.claim("u1/finished");
    assertThat(first).isInstanceOf(ClaimResult.Claimed.class);

    assertThat(handled.claim("u1/finished")).isInstanceOf(ClaimResult.HeldByOther.class);

    assertThat(handled.markSent("u1/finished", ((ClaimResult.Claimed) first).token())).isTrue();
    assertThat(handled.claim("u1/finished")).isInstanceOf(ClaimResult.AlreadySent.class);

    Document record = collection.find(new Document("_id", "u1/finished")).first();
    assertThat(record.getString("status")).isEqualTo("sent");
    assertThat(record.getDate("expireAt").toInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
  }

  @Test
  void aStaleClaimIsTakenOverAndTheOldHolderCannotCommit() {
    ClaimResult.Claimed crashed = (ClaimResult.Claimed) handled.claim("u2/finished");
    clock.add(Duration.ofMinutes(4));
    ClaimResult.HeldByOther held = (ClaimResult.HeldByOther) handled.claim("u2/finished");
    assertThat(held.staleAt()).isEqualTo(Instant.parse("2026-11-22T10:05:00Z"));

    clock.add(Duration.ofMinutes(2));
    ClaimResult takeover = handled.claim("u2/finished");

    assertThat(takeover).isInstanceOfSatisfying(ClaimResult.Claimed.class,
        claimed -> assertThat(claimed.takenOver()).isTrue());
    assertThat(handled.markSent("u2/finished", crashed.token())).isFalse();
    assertThat(handled.markSent("u2/finished", ((ClaimResult.Claimed) takeover).token())).isTrue();
  }

  @Test
  void aReleasedClaimCanBeClaimedAgain() {
    ClaimResult.Claimed claimed = (ClaimResult.Claimed) handled.claim("u3/finished");
    handled.release("u3/finished", claimed.token());

    assertThat(handled.claim("u3/finished")).isInstanceOf(ClaimResult.Claimed.class);
  }

  @Test
  void releaseDoesNotDropASentRecord() {
    ClaimResult.Claimed claimed = (ClaimResult.Claimed) handled.claim("u4/finished");
    handled.markSent("u4/finished", claimed.token());
    handled.release("u4/finished", claimed.token());

    assertThat(handled.claim("u4/finished")).isInstanceOf(ClaimResult.AlreadySent.class);
  }
}
