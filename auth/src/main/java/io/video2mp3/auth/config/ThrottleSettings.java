package io.video2mp3.auth.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Failed-login throttling ({@code AUTH_THROTTLE_*}); see {@link io.video2mp3.auth.throttle.LoginThrottle}.
 *
 * @param maxFailuresPerUsername failures of one account (or unknown login name) from one client
 *     address before that pair is blocked
 * @param maxFailuresPerAddress failures from one address across accounts after which each account gets
 *     one failure from it
 * @param maxFailuresPerAccount failures of one account across addresses after which each address gets
 *     one failure for it
 * @param window how long failures are remembered after the last one, and how long a block lasts
 * @param maxEntries how many usernames and addresses each are tracked at most (bounds the memory an
 *     attacker can make us use)
 */
@Validated
@ConfigurationProperties("auth.throttle")
public record ThrottleSettings(
    @Min(1) int maxFailuresPerUsername,
    @Min(1) int maxFailuresPerAddress,
    @Min(1) int maxFailuresPerAccount,
    @NotNull @DurationMin(seconds = 1) Duration window,
    @Min(1) long maxEntries) {}
