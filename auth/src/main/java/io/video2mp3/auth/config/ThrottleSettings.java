package io.video2mp3.auth.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Failed-login throttling. The per-address limit is higher than the per-username one because many
 * honest users can share an address (an office NAT), while one username is one person.
 *
 * @param maxFailuresPerUsername failures of one username within {@code window} before it is blocked
 * @param maxFailuresPerAddress failures from one client address within {@code window} before it is
 *     blocked
 * @param window how long failures are counted, and how long a block lasts
 * @param maxEntries how many usernames and addresses each are tracked at most (bounds the memory an
 *     attacker can make us use)
 */
@Validated
@ConfigurationProperties("auth.throttle")
public record ThrottleSettings(
    @Min(1) int maxFailuresPerUsername,
    @Min(1) int maxFailuresPerAddress,
    @NotNull @DurationMin(seconds = 1) Duration window,
    @Min(1) long maxEntries) {}
