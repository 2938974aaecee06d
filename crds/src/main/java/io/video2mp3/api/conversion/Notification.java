package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Whether the owner's mail went out, as the notifier recorded it after the SMTP server's reply and
 * the operator mirrored it onto the status ({@code status.notified} only says the broker took the event).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(
    @JsonPropertyDescription("Sent: the SMTP server accepted the mail. Failed: it refused it for good.")
    State state,
    @JsonPropertyDescription("RFC 3339 time of the SMTP server's answer.")
    String at,
    @JsonPropertyDescription("The refusal, when Failed.")
    String message) {

  /** How the delivery of the mail ended. */
  public enum State {
    Sent,
    Failed
  }
}
