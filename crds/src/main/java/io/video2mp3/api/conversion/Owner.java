package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The user a conversion belongs to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Owner(
    @Required
    @Size(min = 1, max = 64)
    @JsonPropertyDescription("Login name of the owner.")
    String username,
    @Required
    @Size(min = 3, max = 254)
    @JsonPropertyDescription("Where the notifier sends the result.")
    String email) {
}
