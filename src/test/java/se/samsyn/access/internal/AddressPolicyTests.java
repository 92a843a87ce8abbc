package se.samsyn.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samsyn.access.SecurityProperties;

class AddressPolicyTests {

	// The production defaults: 20 different usernames within 15 minutes.
	private final AddressPolicy policy = AddressPolicy.of(new SecurityProperties(null, 3, Duration.ofSeconds(2),
			Duration.ofSeconds(60), 10, Duration.ofMinutes(15), 20, Duration.ofMinutes(15)));
	private final Instant start = Instant.parse("2026-12-03T08:00:00Z");

	@Test
	void sprayingTwentyFiveUsernamesFromOneAddressWaitsFromTheTwentyFirst() {
		List<Instant> failures = new ArrayList<>();
		int refused = 0;
		for (int i = 0; i < 25; i++) {
			Instant at = start.plusSeconds(i);
			if (policy.blockedUntil(failures, at).isPresent()) {
				refused++;
			}
			else {
				failures.add(at);
			}
		}
		assertThat(failures).hasSize(20);
		assertThat(refused).isEqualTo(5);
		// Open again when the oldest failure leaves the window and only 19 remain.
		assertThat(policy.blockedUntil(failures, start.plusSeconds(30))).contains(start.plus(Duration.ofMinutes(15)));
		assertThat(policy.blockedUntil(failures, start.plus(Duration.ofMinutes(15)))).isEmpty();
	}

	@Test
	void failuresOlderThanTheWindowDoNotCount() {
		List<Instant> old = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			old.add(start.minus(Duration.ofMinutes(16)).plusSeconds(i));
		}
		assertThat(policy.blockedUntil(old, start)).isEmpty();
		assertThat(new AddressPolicy(0, Duration.ofMinutes(15)).blockedUntil(old, old.get(29)))
			.as("0 turns the limit off").isEmpty();
	}

	@Test
	void aClientIsItsIpv4AddressOrItsIpv6Network() {
		assertThat(AddressPolicy.clientOf("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(AddressPolicy.clientOf("2001:db8:1:2:aaaa::1")).isEqualTo(AddressPolicy.clientOf("2001:db8:1:2:bbbb:cc:dd:ee"))
			.isEqualTo("20010db800010002/64");
		assertThat(AddressPolicy.clientOf("2001:db8:1:3::1")).isNotEqualTo(AddressPolicy.clientOf("2001:db8:1:2::1"));
		assertThat(AddressPolicy.clientOf("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(AddressPolicy.clientOf(" ")).isNull();
		assertThat(AddressPolicy.clientOf(null)).isNull();
	}
}
