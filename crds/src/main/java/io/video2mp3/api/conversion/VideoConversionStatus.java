package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a conversion; written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VideoConversionStatus {

  @JsonPropertyDescription("Pending (not yet admitted), Queued (waiting for a Job slot), Running, Succeeded or Failed.")
  private Phase phase;

  @JsonPropertyDescription("Standard conditions, e.g. why a reconcile failed.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The metadata.generation this status was written for.")
  private Long observedGeneration;

  @JsonPropertyDescription("Name of the conversion's Job.")
  private String jobName;

  @JsonPropertyDescription("Pod attempts the Job has made so far.")
  private Integer attempts;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Percent done, mirrored from the converter's progress record.")
  private Integer progress;

  @JsonPropertyDescription("RFC 3339 time the Job was created.")
  private String startedAt;

  @JsonPropertyDescription("RFC 3339 time the conversion reached Succeeded or Failed.")
  private String completedAt;

  @JsonPropertyDescription("The MP3 the conversion produced, once Succeeded.")
  private ConversionOutput output;

  @JsonPropertyDescription("Human-readable reason for the current phase, especially on Failed.")
  private String message;

  @JsonPropertyDescription("True once the ConversionFinished event was confirmed by the broker.")
  private Boolean notified;

  @JsonPropertyDescription("Source, output and owner fixed when the conversion was admitted; authoritative over the spec.")
  private AdmittedRequest admitted;

  @JsonPropertyDescription("The owner's mail: sent (accepted by the SMTP server) or refused for good.")
  private Notification notification;

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getJobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = jobName;
  }

  public Integer getAttempts() {
    return attempts;
  }

  public void setAttempts(Integer attempts) {
    this.attempts = attempts;
  }

  public Integer getProgress() {
    return progress;
  }

  public void setProgress(Integer progress) {
    this.progress = progress;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public ConversionOutput getOutput() {
    return output;
  }

  public void setOutput(ConversionOutput output) {
    this.output = output;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Boolean getNotified() {
    return notified;
  }

  public void setNotified(Boolean notified) {
    this.notified = notified;
  }

  public AdmittedRequest getAdmitted() {
    return admitted;
  }

  public void setAdmitted(AdmittedRequest admitted) {
    this.admitted = admitted;
  }

  public Notification getNotification() {
    return notification;
  }

  public void setNotification(Notification notification) {
    this.notification = notification;
  }
}
