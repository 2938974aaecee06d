package io.video2mp3.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ReplicaSetCommandsTest {

  private static final List<String> HOSTS = List.of("m-0:27017", "m-1:27017", "m-2:27017");

  @Test
  void initiateListsEveryMemberInOrder() {
    Document command = ReplicaSetCommands.initiate("rs0", HOSTS);
    assertThat(command.toJson()).isEqualTo("{\"replSetInitiate\": {\"_id\": \"rs0\", \"members\": ["
        + "{\"_id\": 0, \"host\": \"m-0:27017\"}, {\"_id\": 1, \"host\": \"m-1:27017\"}, "
        + "{\"_id\": 2, \"host\": \"m-2:27017\"}]}}");
  }

  @Test
  void reconfigAddsOneMissingMemberWithANewIdAndKeepsSettings() {
    Document config = config(member(0, "m-0:27017").append("priority", 2));
    Document command = ReplicaSetCommands.reconfigStep(config, HOSTS).orElseThrow();
    Document next = command.get("replSetReconfig", Document.class);
    assertThat(next.getString("_id")).isEqualTo("rs0");
    assertThat(next.getInteger("version")).isEqualTo(8);
    assertThat(next.getList("members", Document.class)).extracting(m -> m.getString("host"))
        .containsExactly("m-0:27017", "m-1:27017");
    assertThat(next.getList("members", Document.class).get(0).getInteger("priority")).isEqualTo(2);
    assertThat(next.getList("members", Document.class).get(1).getInteger("_id")).isEqualTo(1);
    assertThat(next.get("settings")).isEqualTo(new Document("chainingAllowed", true));
  }

  @Test
  void newIdsNeverReuseARemovedMembersId() {
    Document config = config(member(0, "m-0:27017"), member(4, "m-1:27017"));
    Document next = ReplicaSetCommands.reconfigStep(config, HOSTS).orElseThrow().get("replSetReconfig", Document.class);
    assertThat(next.getList("members", Document.class).get(2).getInteger("_id")).isEqualTo(5);
  }

  @Test
  void reconfigRemovesTheNewestExtraMemberOneAtATime() {
    Document config = config(member(0, "m-0:27017"), member(1, "m-1:27017"), member(2, "m-2:27017"),
        member(3, "m-3:27017"), member(4, "m-4:27017"));
    Document next = ReplicaSetCommands.reconfigStep(config, HOSTS).orElseThrow().get("replSetReconfig", Document.class);
    assertThat(next.getList("members", Document.class)).extracting(m -> m.getString("host"))
        .containsExactly("m-0:27017", "m-1:27017", "m-2:27017", "m-3:27017");
  }

  @Test
  void aRemovalWaitsWhileTheMembersLeftWouldHaveNoHealthyMajority() {
    Document config = config(member(0, "m-0:27017"), member(1, "m-1:27017"), member(2, "m-2:27017"),
        member(3, "m-3:27017"));
    Document step = ReplicaSetCommands.reconfigStep(config, HOSTS).orElseThrow();
    assertThat(ReplicaSetCommands.memberCount(config)).isEqualTo(4);
    assertThat(ReplicaSetCommands.removalLeavesNoMajority(config, step, List.of("m-0:27017", "m-1:27017")))
        .as("2 of the 3 left are healthy").isEmpty();
    assertThat(ReplicaSetCommands.removalLeavesNoMajority(config, step, List.of("m-0:27017", "m-3:27017")))
        .contains("not removing member m-3:27017 yet: 1 of the 3 members left would be healthy,"
            + " and a majority needs 2");
  }

  @Test
  void addingAMemberIsNoRemoval() {
    Document config = config(member(0, "m-0:27017"));
    Document step = ReplicaSetCommands.reconfigStep(config, HOSTS).orElseThrow();
    assertThat(ReplicaSetCommands.removalLeavesNoMajority(config, step, List.of())).isEmpty();
  }

  @Test
  void aMatchingConfigNeedsNoReconfig() {
    Document config = config(member(0, "m-0:27017"), member(1, "m-1:27017"), member(2, "m-2:27017"));
    assertThat(ReplicaSetCommands.reconfigStep(config, HOSTS)).isEmpty();
  }

  @Test
  void theAppUserMayReadAndWriteItsDatabaseOnly() {
    assertThat(ReplicaSetCommands.createUser("video2mp3", "pw", "video2mp3").toJson()).isEqualTo(
        "{\"createUser\": \"video2mp3\", \"pwd\": \"pw\", \"roles\": [{\"role\": \"readWrite\", \"db\": \"video2mp3\"}]}");
    assertThat(ReplicaSetCommands.usersInfo("video2mp3")).isEqualTo(new Document("usersInfo", "video2mp3"));
    assertThat(ReplicaSetCommands.userExists(Document.parse("{users: [], ok: 1}"))).isFalse();
    assertThat(ReplicaSetCommands.userExists(Document.parse("{users: [{user: 'video2mp3'}], ok: 1}"))).isTrue();
  }

  @Test
  void statusTellsThePrimaryAndTheHealthyMembers() {
    Document status = Document.parse("{set: 'rs0', members: ["
        + "{name: 'm-0:27017', health: 1.0, state: 1, stateStr: 'PRIMARY'},"
        + "{name: 'm-1:27017', health: 1.0, state: 2, stateStr: 'SECONDARY'},"
        + "{name: 'm-2:27017', health: 0.0, state: 8, stateStr: '(not reachable/healthy)'},"
        + "{name: 'm-3:27017', health: 1.0, state: 5, stateStr: 'STARTUP2'}], ok: 1}");
    ReplicaSetCommands.ReplicaSetView view = ReplicaSetCommands.view(status);
    assertThat(view.primary()).contains("m-0:27017");
    assertThat(view.healthy()).containsExactly("m-0:27017", "m-1:27017");
  }

  @Test
  void noPrimaryDuringAnElection() {
    Document status = Document.parse("{members: [{name: 'm-0:27017', health: 1, state: 2}], ok: 1}");
    assertThat(ReplicaSetCommands.view(status).primary()).isEqualTo(Optional.empty());
  }

  private static Document member(int id, String host) {
    return new Document("_id", id).append("host", host).append("votes", 1);
  }

  private static Document config(Document... members) {
    return new Document("_id", "rs0").append("version", 7).append("term", 3)
        .append("members", List.of(members)).append("settings", new Document("chainingAllowed", true));
  }
}
