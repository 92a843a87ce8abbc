package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import se.samsyn.IntegrationTest;

/** Starts, exits, participants and joint plans through the pages and the API, as the kansli and project leaders use them. */
class FollowupIntegrationTests extends IntegrationTest {

	private static final String TODAY = LocalDate.now().toString();

	private long intervention(String name) {
		return jdbc.sql("select i.id from intervention i join association a on a.id = i.association_id where a.code = 'stockholm' and i.name = ?")
			.param(name).query(Long.class).single();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	/** A start form with everything filled in; {@code extra} overrides fields (name, value, name, value …). */
	private MockHttpServletRequestBuilder start(long interventionId, MockHttpSession session, String... extra) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("consent", "true");
		fields.put("consentDate", "2025-03-01");
		fields.put("consentVersion", "2");
		fields.put("startDate", "2025-03-03");
		fields.put("referralDate", "2025-02-20");
		fields.put("gender", "WOMAN");
		fields.put("birthYear", "1990");
		fields.put("education", "UPPER_SECONDARY_3");
		fields.put("timeWithoutWork", "YEARS_1_TO_2");
		fields.put("occupation", "NONE");
		for (int i = 0; i < extra.length; i += 2) {
			fields.put(extra[i], extra[i + 1]);
		}
		var builder = post("/forbund/stockholm/insatser/" + interventionId + "/deltagare/ny").session(session).with(csrf());
		fields.forEach((k, v) -> builder.param(k, v));
		builder.param("incomeSources", "SICKNESS_BENEFIT", "ECONOMIC_ASSISTANCE");
		return builder;
	}

	private long enrollmentFrom(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).contains("/perioder/");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void theKansliRegistersAStartAndAnExitAndSeesThemInTheList() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		long aktivitetsplatsen = intervention("Aktivitetsplatsen");
		long before = count("select count(*) from enrollment");
		LocalDate startDate = LocalDate.now().minusDays(10);
		MvcResult started = mvc.perform(start(aktivitetsplatsen, kansli, "startDate", startDate.toString(), "consentDate",
				startDate.toString(), "referralDate", startDate.minusDays(7).toString())).andExpect(status().is3xxRedirection()).andReturn();
		long enrollment = enrollmentFrom(started);
		assertThat(count("select count(*) from enrollment")).isEqualTo(before + 1);
		assertThat(count("select count(*) from enrollment_income where enrollment_id = ? and phase = 'START'", enrollment)).isEqualTo(2);

		String code = jdbc.sql("select p.code from participant p join enrollment e on e.participant_id = p.id where e.id = ?")
			.param(enrollment).query(String.class).single();
		String list = mvc.perform(get("/forbund/stockholm/insatser/" + aktivitetsplatsen + "/deltagare").session(kansli))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(code);

		// An exit before the start is refused and nothing changes.
		String refused = mvc.perform(post("/forbund/stockholm/perioder/" + enrollment + "/avslut").session(kansli).with(csrf())
				.param("endDate", startDate.minusDays(1).toString()).param("exitReason", "WORK"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Slutdatum kan inte ligga före startdatum.");
		assertThat(count("select count(*) from enrollment where id = ? and end_date is null", enrollment)).isEqualTo(1);

		mvc.perform(post("/forbund/stockholm/perioder/" + enrollment + "/avslut").session(kansli).with(csrf())
				.param("endDate", LocalDate.now().toString()).param("exitReason", "WORK").param("occupationAfter", "WORK")
				.param("occupationAfterExtent", "75").param("incomeSourcesAfter", "SALARY").param("guideSupport", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select exit_reason from enrollment where id = ?").param(enrollment).query(String.class).single())
			.isEqualTo("WORK");
		String page = mvc.perform(get("/forbund/stockholm/perioder/" + enrollment).session(kansli))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Arbete").contains("Lön").contains("75 %");
		assertThat(count("select count(*) from audit_event where action = 'PARTICIPANT_READ' and target_id = ?",
				String.valueOf(enrollment))).isGreaterThanOrEqualTo(1);
		assertThat(count("select count(*) from audit_event where action = 'ENROLLMENT_ENDED' and target_id = ?",
				String.valueOf(enrollment))).isEqualTo(1);
	}

	@Test
	void aWrongCheckDigitIsRefusedAndNothingIsStored() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		long participants = count("select count(*) from participant");
		long enrollments = count("select count(*) from enrollment");
		String body = mvc.perform(start(intervention("Novum"), kansli, "personnummer", "19811218-9877"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(body).contains("Kontrollsiffran stämmer inte");
		assertThat(count("select count(*) from participant")).isEqualTo(participants);
		assertThat(count("select count(*) from enrollment")).isEqualTo(enrollments);
		assertThat(count("select count(*) from audit_event where detail like '%9877%'")).isZero();
	}

	@Test
	void theSamePersonInTwoInsatserIsOneParticipantAndNoReadablePersonnummerIsStored() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		String number = "19720314-" + PersonnummerTests.withCheckDigit("720314235").substring(6);
		long first = enrollmentFrom(mvc.perform(start(intervention("Novum"), kansli, "personnummer", number, "gender", "", "birthYear", ""))
			.andExpect(status().is3xxRedirection()).andReturn());
		long second = enrollmentFrom(mvc.perform(start(intervention("FINSAM-team"), kansli, "personnummer", number.replace("-", ""),
				"gender", "", "birthYear", "")).andExpect(status().is3xxRedirection()).andReturn());
		long p1 = jdbc.sql("select participant_id from enrollment where id = ?").param(first).query(Long.class).single();
		long p2 = jdbc.sql("select participant_id from enrollment where id = ?").param(second).query(Long.class).single();
		assertThat(p1).isEqualTo(p2);
		assertThat(jdbc.sql("select gender from participant where id = ?").param(p1).query(String.class).single())
			.as("legal gender from the personnummer: 5 is odd").isEqualTo("MAN");
		assertThat(jdbc.sql("select birth_year from participant where id = ?").param(p1).query(Integer.class).single()).isEqualTo(1972);
		assertThat(jdbc.sql("select gender || ' ' || birth_year from enrollment where id = ?").param(second).query(String.class).single())
			.as("the episode carries its participant's gender and birth year").isEqualTo("MAN 1972");
		assertThat(FollowupFixtures.episodesDifferingFromTheirParticipant(jdbc)).as("the demo's episodes and these").isZero();

		// Nothing in the participant, enrollment or audit tables holds the number in any readable form.
		String digits = number.replace("-", "");
		for (String table : List.of("participant", "enrollment", "audit_event", "anonymous_start")) {
			List<Map<String, Object>> rows = jdbc.sql("select * from " + table).query().listOfRows();
			String raw = rows.toString();
			assertThat(raw).as(table).doesNotContain(digits).doesNotContain(digits.substring(2))
				.doesNotContain(number).doesNotContain(number.substring(2));
		}
		String page = mvc.perform(get("/forbund/stockholm/deltagare/" + p1).session(kansli)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("19720314-****").doesNotContain(digits.substring(8));
	}

	@Test
	void withoutConsentOnlyAnAnonymousCountIsKept() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		long novum = intervention("Novum");
		long participants = count("select count(*) from participant");
		long anonymous = count("select count(*) from anonymous_start where intervention_id = ?", novum);
		mvc.perform(start(novum, kansli, "consent", "false", "personnummer", "19811218-9876", "gender", "MAN"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(start(novum, kansli, "protectedIdentity", "true", "gender", "WOMAN"))
			.andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from participant")).isEqualTo(participants);
		assertThat(count("select count(*) from anonymous_start where intervention_id = ?", novum)).isEqualTo(anonymous + 2);
		assertThat(count("select count(*) from anonymous_start where intervention_id = ? and reason = 'PROTECTED_IDENTITY'", novum))
			.isGreaterThanOrEqualTo(1);
		// A start that says nothing about consent is refused rather than silently counted.
		mvc.perform(start(novum, kansli, "consent", "")).andExpect(status().isOk());
		assertThat(count("select count(*) from anonymous_start where intervention_id = ?", novum)).isEqualTo(anonymous + 2);
	}

	@Test
	void withdrawnConsentErasesThePersonAndKeepsACount() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		long novum = intervention("Novum");
		long enrollment = enrollmentFrom(mvc.perform(start(novum, kansli)).andExpect(status().is3xxRedirection()).andReturn());
		long participant = jdbc.sql("select participant_id from enrollment where id = ?").param(enrollment).query(Long.class).single();
		long anonymous = count("select count(*) from anonymous_start where intervention_id = ? and reason = 'CONSENT_WITHDRAWN'", novum);
		mvc.perform(post("/forbund/stockholm/perioder/" + enrollment + "/aterkalla-samtycke").session(kansli).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from enrollment where id = ?", enrollment)).isZero();
		assertThat(count("select count(*) from participant where id = ?", participant)).isZero();
		assertThat(count("select count(*) from anonymous_start where intervention_id = ? and reason = 'CONSENT_WITHDRAWN'", novum))
			.isEqualTo(anonymous + 1);
	}

	@Test
	void aProjectLeaderWorksOnlyInTheirOwnInsatser() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		long ips = intervention("Integrering av IPS i psykosvården");
		long aktivitetsplatsen = intervention("Aktivitetsplatsen");
		long foreign = enrollmentFrom(mvc.perform(start(aktivitetsplatsen, kansli)).andReturn());
		long foreignParticipant = jdbc.sql("select participant_id from enrollment where id = ?").param(foreign).query(Long.class).single();

		MockHttpSession leader = login("demo-projektledare");
		long own = enrollmentFrom(mvc.perform(start(ips, leader, "gender", "MAN")).andExpect(status().is3xxRedirection()).andReturn());
		mvc.perform(get("/forbund/stockholm/perioder/" + own).session(leader)).andExpect(status().isOk());
		mvc.perform(get("/forbund/stockholm/insatser/" + ips + "/deltagare").session(leader)).andExpect(status().isOk());

		mvc.perform(get("/forbund/stockholm/insatser/" + aktivitetsplatsen + "/deltagare").session(leader)).andExpect(status().isForbidden());
		mvc.perform(start(aktivitetsplatsen, leader)).andExpect(status().isForbidden());
		mvc.perform(get("/forbund/stockholm/perioder/" + foreign).session(leader)).andExpect(status().isNotFound());
		mvc.perform(get("/forbund/stockholm/deltagare/" + foreignParticipant).session(leader)).andExpect(status().isNotFound());
		mvc.perform(post("/forbund/stockholm/perioder/" + foreign + "/avslut").session(leader).with(csrf())
			.param("endDate", TODAY).param("exitReason", "WORK")).andExpect(status().isNotFound());
		assertThat(count("select count(*) from enrollment where id = ? and end_date is null", foreign)).isEqualTo(1);
		String overview = mvc.perform(get("/forbund/stockholm/uppfoljning").session(leader)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(overview).contains("Integrering av IPS i psykosvården").doesNotContain("Aktivitetsplatsen");
	}

	@Test
	void aViewerNeverSeesAPerson() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		long novum = intervention("Novum");
		long enrollment = enrollmentFrom(mvc.perform(start(novum, kansli)).andReturn());
		MockHttpSession viewer = login("demo-styrelse");
		for (String path : List.of("/forbund/stockholm/uppfoljning", "/forbund/stockholm/insatser/" + novum + "/deltagare",
				"/forbund/stockholm/perioder/" + enrollment, "/forbund/stockholm/insatser/" + novum + "/deltagare/ny")) {
			mvc.perform(get(path).session(viewer)).andExpect(status().isForbidden());
		}
		String home = mvc.perform(get("/forbund/stockholm/insatser/" + novum).session(viewer)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(home).doesNotContain("/deltagare");
		mvc.perform(get("/api/v1/associations/stockholm/interventions/" + novum + "/enrollments")
			.header("Authorization", "Bearer samsyn-demo-styrelse")).andExpect(status().isForbidden());
	}

	@Test
	void theApiListsCreatesAndEndsEnrollments() throws Exception {
		long finsam = intervention("FINSAM-team");
		String base = "/api/v1/associations/stockholm/interventions/" + finsam + "/enrollments";
		String number = "19900215-" + PersonnummerTests.withCheckDigit("900215248").substring(6);
		MvcResult created = mvc.perform(post(base).header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"personnummer": "%s", "consent": true, "consentDate": "2025-01-10", "startDate": "2025-01-15",
						 "education": "PRIMARY_9", "incomeSources": ["ECONOMIC_ASSISTANCE"], "occupation": "JOB_SEEKING",
						 "occupationExtent": 50}
						""".formatted(number)))
			.andExpect(status().isCreated()).andReturn();
		String body = created.getResponse().getContentAsString();
		assertThat(body).contains("\"participantCode\":\"D-").contains("\"gender\":\"WOMAN\"").doesNotContain(number.substring(9))
			.doesNotContain("900215");
		long id = Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));

		String list = mvc.perform(get(base + "?status=ONGOING").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("\"id\":" + id);

		String refused = mvc.perform(post(base + "/" + id + "/end").header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON).content("{\"endDate\": \"2025-02-01\", \"exitReason\": \"NOPE\"}"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("exitReason");
		mvc.perform(post(base + "/" + id + "/end").header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON).content("{\"endDate\": \"2025-02-01\", \"exitReason\": \"STUDIES\"}"))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("select exit_reason from enrollment where id = ?").param(id).query(String.class).single()).isEqualTo("STUDIES");

		String badNumber = mvc.perform(post(base).header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"personnummer": "19811218-9877", "consent": true, "consentDate": "2025-01-10", "startDate": "2025-01-15"}
						"""))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(badNumber).contains("personnummer").contains("Kontrollsiffran").doesNotContain("9877");

		// Another insats' path cannot end this episode.
		mvc.perform(post("/api/v1/associations/stockholm/interventions/" + intervention("Novum") + "/enrollments/" + id + "/end")
				.header("Authorization", "Bearer samsyn-demo-kansli").contentType(MediaType.APPLICATION_JSON)
				.content("{\"endDate\": \"2025-02-02\", \"exitReason\": \"WORK\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void jointPlansAreFollowedUpAfterTwoSixAndTwelveMonths() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		long finsam = intervention("FINSAM-team");
		LocalDate started = LocalDate.now().minusMonths(4);
		long enrollment = enrollmentFrom(mvc.perform(start(finsam, kansli, "startDate", started.toString(), "consentDate",
				started.toString(), "referralDate", started.minusDays(5).toString())).andReturn());
		long member = jdbc.sql("select min(id) from member where association_id = ?").param(associationId("stockholm")).query(Long.class).single();
		mvc.perform(post("/forbund/stockholm/perioder/" + enrollment + "/planer").session(kansli).with(csrf())
				.param("meetingDate", started.plusDays(10).toString()).param("description", "Kontakt med Jobbtorg", "Läkarbesök", "", "")
				.param("memberId", String.valueOf(member), "", "", ""))
			.andExpect(status().is3xxRedirection());
		long plan = jdbc.sql("select id from joint_plan where enrollment_id = ?").param(enrollment).query(Long.class).single();
		assertThat(count("select count(*) from plan_activity where plan_id = ?", plan)).isEqualTo(2);
		String overview = mvc.perform(get("/forbund/stockholm/uppfoljning").session(kansli)).andReturn().getResponse().getContentAsString();
		String code = jdbc.sql("select p.code from participant p join enrollment e on e.participant_id = p.id where e.id = ?")
			.param(enrollment).query(String.class).single();
		assertThat(overview).as("the 2-month follow-up is overdue").contains(code);

		long activity = jdbc.sql("select min(id) from plan_activity where plan_id = ?").param(plan).query(Long.class).single();
		mvc.perform(post("/forbund/stockholm/aktiviteter/" + activity + "/status").session(kansli).with(csrf())
			.param("months", "2").param("status", "DONE")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/forbund/stockholm/aktiviteter/" + activity + "/status").session(kansli).with(csrf())
			.param("months", "5").param("status", "PARTLY")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select status_2 from plan_activity where id = ?").param(activity).query(String.class).single()).isEqualTo("DONE");

		// A meeting before the start, or without activities, is refused.
		mvc.perform(post("/forbund/stockholm/perioder/" + enrollment + "/planer").session(kansli).with(csrf())
			.param("meetingDate", started.minusDays(1).toString()).param("description", "x")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/forbund/stockholm/perioder/" + enrollment + "/planer").session(kansli).with(csrf())
			.param("meetingDate", started.plusDays(20).toString())).andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from joint_plan where enrollment_id = ?", enrollment)).isEqualTo(1);
	}
}
