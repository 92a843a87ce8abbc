package se.samsyn.access.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import se.samsyn.access.SecurityProperties;

/**
 * Password spraying – a few likely passwords tried on many usernames – never trips one account's limit. So a
 * client address may fail on at most so many different usernames within a window; past that, every attempt
 * from it waits until the oldest of those failures leaves the window. Different usernames are counted, not
 * failures: one person mistyping their password again and again is the account's limit's business, and does
 * not shut out colleagues behind the same address.
 */
record AddressPolicy(int failedUsernames, Duration window) {

	static AddressPolicy of(SecurityProperties properties) {
		return new AddressPolicy(properties.addressFailedUsernames(), properties.addressWindow());
	}

	/** Failures at or before this instant no longer count. */
	Instant countsSince(Instant now) {
		return now.minus(window);
	}

	/**
	 * When the address may try again, given the last failure of each username that failed from it; empty
	 * when it may now.
	 */
	Optional<Instant> blockedUntil(Collection<Instant> lastFailurePerUsername, Instant now) {
		if (failedUsernames <= 0) {
			return Optional.empty();
		}
		List<Instant> counted = lastFailurePerUsername.stream().filter(at -> at.isAfter(countsSince(now)))
			.sorted(Comparator.reverseOrder()).toList();
		if (counted.size() < failedUsernames) {
			return Optional.empty();
		}
		// Open again once fewer than the limit remain: when the limit-th newest failure leaves the window.
		return Optional.of(counted.get(failedUsernames - 1).plus(window));
	}

	/**
	 * The part of a client's address that the client controls: an IPv4 address as it is, an IPv6 address by its
	 * /64 network, since one connection usually owns a whole /64 and could otherwise take a new address per try.
	 * Null when there is no address.
	 */
	static String clientOf(String remoteAddress) {
		if (remoteAddress == null || remoteAddress.isBlank()) {
			return null;
		}
		String address = remoteAddress.strip();
		char first = address.charAt(0);
		if (address.indexOf(':') < 0 || !(first == '[' || first == ':' || Character.digit(first, 16) >= 0)) {
			return address;
		}
		try {
			// A literal with a colon is parsed as IPv6, never looked up.
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return bytes.length == 4 ? InetAddress.getByAddress(bytes).getHostAddress()
					: HexFormat.of().formatHex(bytes, 0, 8) + "/64";
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}
}
