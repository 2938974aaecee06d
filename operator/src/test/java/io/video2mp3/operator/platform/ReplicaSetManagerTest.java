package io.video2mp3.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Reconfig failures as mongod answers them (the documented error reply: ok 0, errmsg, code, codeName). */
class ReplicaSetManagerTest {

  private static MongoCommandException reply(String json) {
    return new MongoCommandException(BsonDocument.parse(json), new ServerAddress("m-0:27017"));
  }

  @Test
  void aReconfigInProgressWaits() {
    StepOutcome outcome = ReplicaSetManager.refusedReconfig(reply("{ok: 0, errmsg: 'Cannot run replSetReconfig"
        + " because the node is currently updating its configuration', code: 109, codeName: 'ConfigurationInProgress'}"),
        "rs0");
    assertThat(outcome.ready()).isFalse();
    assertThat(outcome.reason()).isEqualTo("ReconfigInProgress");
    assertThat(outcome.message()).startsWith("replica set rs0 is still committing its previous reconfig")
        .contains("currently updating its configuration");
  }

  @Test
  void anIncompatibleConfigIsRefusedInWords() {
    StepOutcome outcome = ReplicaSetManager.refusedReconfig(reply("{ok: 0, errmsg: 'Non force replica set reconfig"
        + " can only add or remove at most 1 voting member.', code: 103,"
        + " codeName: 'NewReplicaSetConfigurationIncompatible'}"), "rs0");
    assertThat(outcome.reason()).isEqualTo("ReconfigRefused");
    assertThat(outcome.message()).isEqualTo("replica set rs0 refused the reconfig: Non force replica set reconfig"
        + " can only add or remove at most 1 voting member.");
  }

  @Test
  void anyOtherFailureIsNotSwallowed() {
    assertThatThrownBy(() -> ReplicaSetManager.refusedReconfig(reply("{ok: 0, errmsg: 'not primary', code: 10107,"
        + " codeName: 'NotWritablePrimary'}"), "rs0")).isInstanceOf(MongoCommandException.class);
  }
}
