package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import se.samsyn.intervention.InterventionId;

/** Ids travel into audit details and links as their bare number, and are equal by value. */
class IdRecordsTests {

	@Test
	void anIdReadsAsItsNumber() {
		assertThat("period " + new EnrollmentId(42)).isEqualTo("period 42");
		assertThat(String.valueOf(new ParticipantId(7))).isEqualTo("7");
		assertThat("insats " + new InterventionId(3)).isEqualTo("insats 3");
	}

	@Test
	void idsAreValues() {
		assertThat(new EnrollmentId(42)).isEqualTo(new EnrollmentId(42)).isNotEqualTo(new EnrollmentId(43));
		assertThat(new EnrollmentId(42)).isNotEqualTo(new ParticipantId(42));
	}
}
