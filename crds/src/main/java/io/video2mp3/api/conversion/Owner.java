package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.video2mp3.api.conversion.validation.SpecRules;

/** The user a conversion belongs to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Owner(
    @Required
    @Size(min = SpecRules.USERNAME_MIN_LENGTH, max = SpecRules.USERNAME_MAX_LENGTH)
    @JsonPropertyDescription("Login name of the owner.")
    String username,
    @Required
    @Size(min = SpecRules.EMAIL_MIN_LENGTH, max = SpecRules.EMAIL_MAX_LENGTH)
    @JsonPropertyDescription("Where the notifier sends the result.")
    String email) {
}
