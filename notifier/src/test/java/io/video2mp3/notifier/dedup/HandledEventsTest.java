package io.video2mp3.notifier.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import io.video2mp3.api.conversion.Notification;
import io.video2mp3.api.storage.Deliveries;
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
  private Deliveries deliveries;
  private HandledEvents handled;

  @BeforeEach
  void setUp() {
    collection = mongo.emptyCollection("handled-events-test", StorageLayout.HANDLED_EVENTS_COLLECTION);
    deliveries = new Deliveries(mongo.emptyCollection("handled-events-test", StorageLayout.DELIVERIES_COLLECTION));
    handled = new HandledEvents(collection, deliveries, clock, Duration.ofDays(30), Duration.ofMinutes(5));
    handled.ensureIndexes();
  }

  @Test
  void firstClaimWinsAndASentEventIsADuplicate() {
    ClaimResult first = handled.claim("u1/finished");
    assertThat(first).isInstanceOf(ClaimResult.Claimed.class);

    assertThat(handled.claim("u1/finished")).isInstanceOf(ClaimResult.HeldByOther.class);

    assertThat(handled.markSent("u1/finished", ((ClaimResult.Claimed) first).token(), "u1")).isTrue();
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
    assertThat(handled.markSent("u2/finished", crashed.token(), "u2")).isFalse();
    assertThat(handled.markSent("u2/finished", ((ClaimResult.Claimed) takeover).token(), "u2")).isTrue();
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
    handled.markSent("u4/finished", claimed.token(), "u4");
    handled.release("u4/finished", claimed.token());

    assertThat(handled.claim("u4/finished")).isInstanceOf(ClaimResult.AlreadySent.class);
  }

  @Test
  void aRenewedClaimIsNotTakenOverButAnAbandonedOneIsWithinTheLease() {
    ClaimResult.Claimed live = (ClaimResult.Claimed) handled.claim("u5/finished");
    for (int beat = 0; beat < 10; beat++) {
      clock.add(Duration.ofMinutes(2));
      assertThat(handled.renew("u5/finished", live.token())).isTrue();
      assertThat(handled.claim("u5/finished")).isInstanceOf(ClaimResult.HeldByOther.class);
    }
    clock.add(Duration.ofMinutes(5)); // the holder died right after its last renewal
    ClaimResult takeover = handled.claim("u5/finished");

    assertThat(takeover).isInstanceOf(ClaimResult.Claimed.class);
    assertThat(handled.renew("u5/finished", live.token())).isFalse();
  }

  @Test
  void theDeliveryIsRecordedForTheStatusAndARefusalNeverOverwritesASentMail() {
    ClaimResult.Claimed claim = (ClaimResult.Claimed) handled.claim("u6/finished");
    handled.markRefused("u7", "550 no such user");
    handled.markSent("u6/finished", claim.token(), "u6");
    handled.markRefused("u6", "550 a later duplicate");

    assertThat(deliveries.find("u6")).contains(new Notification(Notification.State.Sent, "2026-11-22T10:00:00Z", null));
    assertThat(deliveries.find("u7"))
        .contains(new Notification(Notification.State.Failed, "2026-11-22T10:00:00Z", "550 no such user"));
  }
}
