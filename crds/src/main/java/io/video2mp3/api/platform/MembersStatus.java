package io.video2mp3.api.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Members (pods) of one stateful service: wanted, and ready by their StatefulSet's count. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MembersStatus(
    @JsonPropertyDescription("Members the spec asks for.")
    Integer members,
    @JsonPropertyDescription("Members whose pods are ready.")
    Integer readyMembers) {
}
