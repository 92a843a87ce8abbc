package se.samsyn.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import se.samsyn.IntegrationTest;

class InterventionApiIntegrationTests extends IntegrationTest {

	private static final String BASE = "/api/v1/associations/stockholm/interventions";

	private String members(String... names) {
		return String.join(",", java.util.Arrays.stream(names)
			.map(name -> String.valueOf(jdbc.sql("select id from member where association_id = ? and name = ?")
				.params(associationId("stockholm"), name).query(Long.class).single()))
			.toList());
	}

	private String body(String name, String memberIds, String start, String end, long amount, int share) {
		return """
				{"name": "%s", "kind": "INDIVIDUAL", "startDate": "%s", "endDate": "%s", "memberIds": [%s],
				 "targetGroups": ["YOUNG_ADULTS"],
				 "budgets": [{"year": 2026, "amountKr": %d, "plannedParticipants": 40}],
				 "targets": [{"year": 2026, "text": "40 deltagare, hälften kvinnor", "metric": "STARTED_COUNT",
				              "comparator": "AT_LEAST", "threshold": 40},
				             {"year": 2026, "text": "40 deltagare, hälften kvinnor", "metric": "SHARE_WOMEN",
				              "comparator": "APPROXIMATELY", "threshold": %d, "tolerance": 10}]}
				""".formatted(name, start, end, memberIds, amount, share);
	}

	@Test
	void theKansliRegistersAnInsatsAndReadsItBack() throws Exception {
		String location = mvc.perform(post(BASE).header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("Unga till jobb", members("Arbetsförmedlingen", "Stockholms stad"), "2026-01-01", "2026-12-31", 2_400_000, 50)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PROPOSED"))
			.andExpect(jsonPath("$.kind").value("INDIVIDUAL"))
			.andExpect(jsonPath("$.followUp").value("PERSON"))
			.andExpect(jsonPath("$.memberIds.length()").value(2))
			.andExpect(jsonPath("$.budgets[0].amountKr").value(2_400_000))
			.andExpect(jsonPath("$.targets[1].metric").value("SHARE_WOMEN"))
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(get(location).header("Authorization", "Bearer samsyn-demo-styrelse"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Unga till jobb"));
		mvc.perform(get(BASE).param("year", "2026").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andExpect(jsonPath("$[*].name", hasItem("Unga till jobb")));
		mvc.perform(get(BASE).param("year", "2013").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andExpect(jsonPath("$[*].name", not(hasItem("Unga till jobb"))));

		String id = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(put(BASE + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("Unga till jobb", members("Arbetsförmedlingen", "Stockholms stad", "Region Stockholm"), "2026-01-01", "2027-12-31", 2_600_000, 50)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.memberIds.length()").value(3))
			.andExpect(jsonPath("$.budgets[0].amountKr").value(2_600_000))
			.andExpect(jsonPath("$.status").value("PROPOSED"));
	}

	@Test
	void invalidInputIsRefusedFieldByFieldInSwedishAndNothingIsSaved() throws Exception {
		mvc.perform(post(BASE).header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("Halvfärdig insats", members("Arbetsförmedlingen"), "2026-06-01", "2026-01-01", -5, 120)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Uppgifterna är inte giltiga"))
			.andExpect(jsonPath("$.errors[?(@.field == 'memberIds')].message")
				.value(hasItem("Minst 2 av förbundets medlemmar måste delta i insatsen (lag 2003:1210).")))
			.andExpect(jsonPath("$.errors[?(@.field == 'endDate')].message")
				.value(hasItem("Slutdatumet kan inte ligga före startdatumet.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'budgets[0].amountKr')].message")
				.value(hasItem("Talet kan inte vara negativt.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'targets[1].threshold')].message")
				.value(hasItem("En andel kan inte vara över 100 %.")));
		assertThat(jdbc.sql("select count(*) from intervention where name = 'Halvfärdig insats'").query(Long.class).single()).isZero();
	}

	@Test
	void theApiRegistersProposalsOnlyAndKeepsReportedResultsOnPut() throws Exception {
		String skipping = body("Hoppar över beslutet", members("Arbetsförmedlingen", "Stockholms stad"), "2026-01-01", "2026-12-31", 1, 50)
			.replace("{\"name\"", "{\"status\": \"ONGOING\", \"name\"");
		mvc.perform(post(BASE).header("Authorization", "Bearer samsyn-demo-kansli").contentType(MediaType.APPLICATION_JSON).content(skipping))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));

		String manual = """
				{"name": "Med manuellt mål", "kind": "STRUCTURAL", "memberIds": [%s],
				 "targets": [{"year": 2026, "text": "En utbildningsdag hålls", "metric": "MANUAL", "comparator": "AT_LEAST", "threshold": 1}]}
				""".formatted(members("Arbetsförmedlingen", "Stockholms stad"));
		String location = mvc.perform(post(BASE).header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON).content(manual)).andReturn().getResponse().getHeader("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		long target = jdbc.sql("select id from intervention_target where intervention_id = ?").param(id).query(Long.class).single();
		mvc.perform(post("/forbund/stockholm/insatser/" + id + "/mal/" + target + "/rapport").session(login("demo-kansli"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("value", "1").param("source", "Kallelse och närvarolista"));
		mvc.perform(put(location).header("Authorization", "Bearer samsyn-demo-kansli").contentType(MediaType.APPLICATION_JSON).content(manual))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("select source from intervention_target where intervention_id = ?").param(id).query(String.class).single())
			.isEqualTo("Kallelse och närvarolista");
	}

	@Test
	void aViewerReadsButCannotRegister() throws Exception {
		mvc.perform(post(BASE).header("Authorization", "Bearer samsyn-demo-styrelse")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("Styrelsens egen", members("Arbetsförmedlingen", "Stockholms stad"), "2026-01-01", "2026-12-31", 1, 50)))
			.andExpect(status().isForbidden());
		mvc.perform(get(BASE).header("Authorization", "Bearer samsyn-demo-styrelse")).andExpect(status().isOk());
	}

	@Test
	void aProjectLeaderSeesOnlyTheInsatserTheyLead() throws Exception {
		String led = mvc.perform(post(BASE).header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("Ledd av projektledaren", members("Arbetsförmedlingen", "Stockholms stad"), "2026-01-01", "2026-12-31", 100_000, 50)))
			.andReturn().getResponse().getHeader("Location");
		String other = mvc.perform(post(BASE).header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("Någon annans insats", members("Arbetsförmedlingen", "Stockholms stad"), "2026-01-01", "2026-12-31", 100_000, 50)))
			.andReturn().getResponse().getHeader("Location");
		long ledId = Long.parseLong(led.substring(led.lastIndexOf('/') + 1));
		jdbc.sql("insert into intervention_leader (intervention_id, user_id) values (?, ?)")
			.params(ledId, users.idOf("demo-projektledare").orElseThrow()).update();

		mvc.perform(get(BASE).header("Authorization", "Bearer samsyn-demo-projektledare"))
			.andExpect(jsonPath("$[*].name", hasItem("Ledd av projektledaren")))
			.andExpect(jsonPath("$[*].name", not(hasItem("Någon annans insats"))));
		mvc.perform(get(other).header("Authorization", "Bearer samsyn-demo-projektledare")).andExpect(status().isNotFound());
		var session = login("demo-projektledare");
		mvc.perform(get(other.replace("/api/v1/associations/stockholm/interventions", "/forbund/stockholm/insatser")).session(session))
			.andExpect(status().isNotFound());
		mvc.perform(get(led.replace("/api/v1/associations/stockholm/interventions", "/forbund/stockholm/insatser")).session(session))
			.andExpect(status().isOk());
		mvc.perform(put(led).header("Authorization", "Bearer samsyn-demo-projektledare").contentType(MediaType.APPLICATION_JSON)
				.content(body("Ledd av projektledaren", members("Arbetsförmedlingen", "Stockholms stad"), "2026-01-01", "2026-12-31", 1, 50)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiIsInTheOpenApiDocument() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(jsonPath("$.paths['/api/v1/associations/{associationCode}/interventions'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/associations/{associationCode}/interventions'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/associations/{associationCode}/interventions/{id}'].put").exists());
	}

	@Test
	void aCreatedInsatsAnswersWithItsLocation() throws Exception {
		mvc.perform(post(BASE).header("Authorization", "Bearer samsyn-demo-admin").contentType(MediaType.APPLICATION_JSON)
				.content(body("Plats och adress", members("Arbetsförmedlingen", "Stockholms stad"), "2026-01-01", "2026-12-31", 1, 50)))
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/associations/stockholm/interventions/")));
	}
}
