package io.video2mp3.operator.platform;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ClusterConnectionMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Brings the replica set to its members, one step per call: initiate it, add or remove one member,
 * create the services' user. Each call connects as root straight to a member (the seed, then the
 * primary) with short timeouts, and says in its outcome what it did or why it could not.
 */
public class ReplicaSetManager {

  private final Duration timeout;

  public ReplicaSetManager(Duration timeout) {
    this.timeout = timeout;
  }

  /** The members as the operator dials them and as they are configured, the set's name, the users, the database. */
  public record Target(List<String> hosts, String replicaSet, MongoCredentials credentials, String database) {
  }

  /** What a step did, and how many members the replica set's config has, when a primary told. */
  public record Result(StepOutcome outcome, Optional<Integer> configuredMembers) {
    static Result of(StepOutcome outcome) {
      return new Result(outcome, Optional.empty());
    }
  }

  public Result ensure(Target target) {
    String seed = target.hosts().get(0);
    try (MongoClient member = connect(seed, target.credentials())) {
      Document status;
      try {
        status = admin(member).runCommand(ReplicaSetCommands.getStatus());
      } catch (MongoCommandException e) {
        if (e.getErrorCode() == ReplicaSetCommands.NOT_YET_INITIALIZED) {
          admin(member).runCommand(ReplicaSetCommands.initiate(target.replicaSet(), target.hosts()));
          return Result.of(StepOutcome.notYet("Initiated", "initiated replica set " + target.replicaSet() + " with "
              + target.hosts().size() + " member(s); waiting for a primary"));
        }
        if (e.getErrorCode() == ReplicaSetCommands.NO_REPLICATION_ENABLED
            || e.getErrorCode() == ReplicaSetCommands.COMMAND_NOT_FOUND) {
          return Result.of(StepOutcome.notYet("NotReplicaSetMember", "MongoDB at " + seed
              + " is not a replica-set member (no --replSet): " + e.getErrorMessage()));
        }
        throw e;
      }
      ReplicaSetCommands.ReplicaSetView view = ReplicaSetCommands.view(status);
      if (view.primary().isEmpty()) {
        return Result.of(StepOutcome.notYet("NoPrimary", "replica set " + target.replicaSet()
            + " has no primary yet (" + view.healthy().size() + "/" + target.hosts().size() + " members healthy)"));
      }
      String primaryHost = view.primary().get();
      try (MongoClient primary = connect(primaryHost, target.credentials())) {
        Document config = admin(primary).runCommand(ReplicaSetCommands.getConfig()).get("config", Document.class);
        Optional<Integer> members = Optional.of(ReplicaSetCommands.memberCount(config));
        Optional<Document> step = ReplicaSetCommands.reconfigStep(config, target.hosts());
        if (step.isPresent()) {
          Optional<String> noMajority = ReplicaSetCommands.removalLeavesNoMajority(config, step.get(), view.healthy());
          if (noMajority.isPresent()) {
            return new Result(StepOutcome.notYet("RemovalWaitsForMajority", noMajority.get()), members);
          }
          try {
            admin(primary).runCommand(step.get());
          } catch (MongoCommandException e) {
            return new Result(refusedReconfig(e, target.replicaSet()), members);
          }
          // The StatefulSet keeps a removed member's pod until the next step sees the new config.
          return new Result(StepOutcome.notYet("Reconfigured", "reconfigured replica set " + target.replicaSet()
              + " towards " + target.hosts().size() + " member(s), one member at a time"), members);
        }
        ensureAppUser(primary, target);
        if (view.healthy().size() < target.hosts().size()) {
          return new Result(StepOutcome.notYet("MembersSyncing", view.healthy().size() + "/" + target.hosts().size()
              + " members of replica set " + target.replicaSet() + " healthy, primary " + primaryHost), members);
        }
        return new Result(StepOutcome.done("ReplicaSetReady", target.hosts().size() + "/" + target.hosts().size()
            + " members in replica set " + target.replicaSet() + ", primary " + primaryHost), members);
      }
    } catch (MongoSecurityException e) {
      return Result.of(StepOutcome.notYet("AuthenticationFailed", "cannot log in to MongoDB at " + seed + " as "
          + target.credentials().rootUser() + ": " + firstSentence(e)));
    } catch (MongoTimeoutException | MongoSocketException e) {
      return Result.of(StepOutcome.notYet("MemberUnreachable", "MongoDB member " + seed + " is not reachable: "
          + firstSentence(e)));
    } catch (MongoException e) {
      return Result.of(StepOutcome.notYet("MongoDBError", "MongoDB at " + seed + " answered: " + firstSentence(e)));
    }
  }

  /** A reconfig MongoDB did not take: the previous one is still being committed, or it refuses this one. */
  static StepOutcome refusedReconfig(MongoCommandException e, String replicaSet) {
    if (e.getErrorCode() == ReplicaSetCommands.CONFIGURATION_IN_PROGRESS) {
      return StepOutcome.notYet("ReconfigInProgress", "replica set " + replicaSet
          + " is still committing its previous reconfig; the next member waits: " + e.getErrorMessage());
    }
    if (e.getErrorCode() == ReplicaSetCommands.NEW_CONFIGURATION_INCOMPATIBLE) {
      return StepOutcome.notYet("ReconfigRefused", "replica set " + replicaSet + " refused the reconfig: "
          + e.getErrorMessage());
    }
    throw e;
  }

  private static void ensureAppUser(MongoClient primary, Target target) {
    MongoDatabase database = primary.getDatabase(target.database());
    String user = target.credentials().appUser();
    if (!ReplicaSetCommands.userExists(database.runCommand(ReplicaSetCommands.usersInfo(user)))) {
      database.runCommand(ReplicaSetCommands.createUser(user, target.credentials().appPassword(), target.database()));
    }
  }

  private MongoClient connect(String host, MongoCredentials credentials) {
    long millis = timeout.toMillis();
    return MongoClients.create(MongoClientSettings.builder()
        .credential(MongoCredential.createCredential(credentials.rootUser(), "admin",
            credentials.rootPassword().toCharArray()))
        // Straight to this member: before initiation no member knows of a replica set to discover.
        .applyToClusterSettings(b -> b.hosts(List.of(new ServerAddress(host)))
            .mode(ClusterConnectionMode.SINGLE)
            .serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
            .readTimeout((int) Math.max(millis, 10_000), TimeUnit.MILLISECONDS))
        .build());
  }

  private static MongoDatabase admin(MongoClient client) {
    return client.getDatabase("admin");
  }

  /** The driver's messages go on to describe the whole cluster; the first sentence says what happened. */
  static String firstSentence(Exception e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf(". ");
    return end < 0 ? message : message.substring(0, end + 1);
  }
}
