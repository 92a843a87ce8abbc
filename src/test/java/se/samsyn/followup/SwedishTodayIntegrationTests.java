package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import se.samsyn.IntegrationTest;

/**
 * "Today" is Sweden's today whatever the server's zone: half past midnight on 2 March in Stockholm is still 1 March in
 * UTC, and a start registered then for 2 March is not in the future.
 */
class SwedishTodayIntegrationTests extends IntegrationTest {

	private static final Instant HALF_PAST_MIDNIGHT_IN_STOCKHOLM = Instant.parse("2026-03-01T23:30:00Z");

	@Test
	void aStartOnTheSwedishTodayIsAcceptedJustAfterMidnight() throws Exception {
		clock.holdAt(HALF_PAST_MIDNIGHT_IN_STOCKHOLM);
		MockHttpSession kansli = login("demo-kansli");
		long intervention = jdbc.sql("""
				select i.id from intervention i join association a on a.id = i.association_id
				 where a.code = 'stockholm' and i.name = 'Aktivitetsplatsen'
				""").query(Long.class).single();

		String tomorrow = mvc.perform(start(intervention, kansli, LocalDate.of(2026, 3, 3)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(tomorrow).contains("Datumet kan inte ligga i framtiden.");

		String location = mvc.perform(start(intervention, kansli, LocalDate.of(2026, 3, 2)))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long enrollment = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("select start_date from enrollment where id = ?").param(enrollment).query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2026, 3, 2));
	}

	private static MockHttpServletRequestBuilder start(long intervention, MockHttpSession session, LocalDate date) {
		return post("/forbund/stockholm/insatser/" + intervention + "/deltagare/ny").session(session).with(csrf())
			.param("consent", "true").param("consentDate", date.toString()).param("consentVersion", "2")
			.param("startDate", date.toString()).param("referralDate", "2026-02-20").param("gender", "MAN")
			.param("birthYear", "1985").param("education", "UPPER_SECONDARY_3").param("timeWithoutWork", "YEARS_1_TO_2")
			.param("occupation", "NONE").param("incomeSources", "SICKNESS_BENEFIT");
	}
}
