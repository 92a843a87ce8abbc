package se.samsyn.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and second-factor settings.
 *
 * @param requireMfa whether roles that see personal data must use a second factor; unset means
 *     yes, except in a demo installation
 * @param freeLoginAttempts failed logins before each further attempt must wait
 * @param loginDelay the wait after the first attempt past the free ones; it doubles each time
 * @param maxLoginDelay the longest wait between attempts
 * @param lockAfterFailures failed logins in a row that lock the account
 * @param lockDuration how long a locked account stays locked
 * @param addressFailedUsernames different usernames whose login may fail from one client address within
 *     {@code addressWindow} before further attempts from that address must wait (against password spraying);
 *     0 turns the limit off
 * @param addressWindow how long a failed login counts against its client address
 */
@ConfigurationProperties("samsyn.security")
public record SecurityProperties(Boolean requireMfa, @DefaultValue("3") int freeLoginAttempts,
		@DefaultValue("2s") Duration loginDelay, @DefaultValue("60s") Duration maxLoginDelay,
		@DefaultValue("10") int lockAfterFailures, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue("20") int addressFailedUsernames, @DefaultValue("15m") Duration addressWindow) {
}
