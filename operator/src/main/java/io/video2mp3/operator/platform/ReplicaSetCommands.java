package io.video2mp3.operator.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** The command documents of replica set management, and what their answers say. Pure. */
public final class ReplicaSetCommands {

  /** replSetGetStatus on a member started with --replSet before replSetInitiate. */
  public static final int NOT_YET_INITIALIZED = 94;
  /** A member started without --replSet. */
  public static final int NO_REPLICATION_ENABLED = 76;
  /** A server that does not know the command at all (not a real mongod, e.g. an in-JVM test server). */
  public static final int COMMAND_NOT_FOUND = 59;
  /** replSetReconfig while the previous reconfig is not yet committed by a majority. */
  public static final int CONFIGURATION_IN_PROGRESS = 109;
  /** replSetReconfig of a config the set refuses (more than one voting member changed, for example). */
  public static final int NEW_CONFIGURATION_INCOMPATIBLE = 103;
  static final int PRIMARY = 1;
  static final int SECONDARY = 2;

  private ReplicaSetCommands() {
  }

  /** A primary, and the members that are healthy primaries or secondaries, by host as configured. */
  public record ReplicaSetView(Optional<String> primary, List<String> healthy) {
  }

  public static Document initiate(String replicaSet, List<String> hosts) {
    List<Document> members = new ArrayList<>();
    for (int i = 0; i < hosts.size(); i++) {
      members.add(new Document("_id", i).append("host", hosts.get(i)));
    }
    return new Document("replSetInitiate", new Document("_id", replicaSet).append("members", members));
  }

  public static Document getStatus() {
    return new Document("replSetGetStatus", 1);
  }

  public static Document getConfig() {
    return new Document("replSetGetConfig", 1);
  }

  /**
   * The next replSetReconfig towards {@code desiredHosts}, if the configuration differs. One member
   * at a time, as MongoDB requires of voting members: the first missing host is added (with a new
   * _id, never reusing one), or else the newest extra one is removed. Member settings are kept.
   */
  public static Optional<Document> reconfigStep(Document config, List<String> desiredHosts) {
    List<Document> members = new ArrayList<>(config.getList("members", Document.class));
    List<String> present = members.stream().map(m -> m.getString("host")).toList();
    Optional<String> missing = desiredHosts.stream().filter(h -> !present.contains(h)).findFirst();
    if (missing.isPresent()) {
      int nextId = members.stream().mapToInt(m -> ((Number) m.get("_id")).intValue()).max().orElse(-1) + 1;
      members.add(new Document("_id", nextId).append("host", missing.get()));
    } else {
      Optional<Document> extra = members.stream().filter(m -> !desiredHosts.contains(m.getString("host")))
          .max(Comparator.comparingInt(m -> ((Number) m.get("_id")).intValue()));
      if (extra.isEmpty()) {
        return Optional.empty();
      }
      members.remove(extra.get());
    }
    Document next = new Document(config);
    next.put("members", members);
    next.put("version", ((Number) config.get("version")).intValue() + 1);
    return Optional.of(new Document("replSetReconfig", next));
  }

  /**
   * Why a step of {@link #reconfigStep} that removes a member must wait: the voting members left
   * after it would not have a healthy majority. Empty when the step adds a member or keeps one.
   */
  public static Optional<String> removalLeavesNoMajority(Document config, Document step, List<String> healthy) {
    List<String> before = hosts(config);
    List<String> after = hosts(step.get("replSetReconfig", Document.class));
    if (after.size() >= before.size()) {
      return Optional.empty();
    }
    long healthyAfter = after.stream().filter(healthy::contains).count();
    int majority = after.size() / 2 + 1;
    if (healthyAfter >= majority) {
      return Optional.empty();
    }
    String removed = before.stream().filter(h -> !after.contains(h)).findFirst().orElse("?");
    return Optional.of("not removing member " + removed + " yet: " + healthyAfter + " of the " + after.size()
        + " members left would be healthy, and a majority needs " + majority);
  }

  /** How many members a replSetGetConfig answer's config has. */
  public static int memberCount(Document config) {
    return hosts(config).size();
  }

  private static List<String> hosts(Document config) {
    return config.getList("members", Document.class).stream().map(m -> m.getString("host")).toList();
  }

  /** Whether a usersInfo answer lists the user. */
  public static boolean userExists(Document usersInfoReply) {
    return !usersInfoReply.getList("users", Document.class, List.of()).isEmpty();
  }

  public static Document usersInfo(String user) {
    return new Document("usersInfo", user);
  }

  /** The services' user: reads and writes the platform's database, nothing else. */
  public static Document createUser(String user, String password, String database) {
    return new Document("createUser", user)
        .append("pwd", password)
        .append("roles", List.of(new Document("role", "readWrite").append("db", database)));
  }

  /** Reads a replSetGetStatus answer. */
  public static ReplicaSetView view(Document status) {
    List<Document> members = status.getList("members", Document.class, List.of());
    Optional<String> primary = members.stream().filter(m -> state(m) == PRIMARY)
        .map(m -> m.getString("name")).findFirst();
    List<String> healthy = members.stream()
        .filter(m -> state(m) == PRIMARY || state(m) == SECONDARY)
        .filter(m -> m.get("health") == null || ((Number) m.get("health")).doubleValue() == 1.0)
        .map(m -> m.getString("name"))
        .toList();
    return new ReplicaSetView(primary, healthy);
  }

  private static int state(Document member) {
    Object state = member.get("state");
    return state instanceof Number n ? n.intValue() : -1;
  }
}
