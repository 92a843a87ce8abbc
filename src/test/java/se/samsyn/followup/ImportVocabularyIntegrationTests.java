package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/** A kansli's own workbook in its own wording reaches preview with no manual choice; a proposal waits for a person. */
class ImportVocabularyIntegrationTests extends ImportTestSupport {

	private static final String PAGES = "/forbund/stockholm/uppfoljning/import";

	@Test
	void aWorkbookWithScbLabelsMembersAsReferrersAndPrefixedDistrictsNeedsNoChoice() throws Exception {
		MvcResult uploaded = upload("samsyn-demo-kansli", ips(), "scb-labels-openpyxl.xlsx",
				FollowupWorkbookTests.resource("/followup/scb-labels-openpyxl.xlsx"));
		assertThat(uploaded.getResponse().getStatus()).as(text(uploaded)).isEqualTo(201);
		JsonNode body = body(uploaded);
		assertThat(body.get("unmatchedValues").properties()).as(text(uploaded)).isEmpty();
		assertThat(body.get("errors")).as(text(uploaded)).isEmpty();
		assertThat(body.get("status").asString()).isEqualTo("PREVIEW");
		assertThat(body.get("rows").asInt()).isEqualTo(9);
		long id = body.get("id").asLong();

		JsonNode committed = body(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andReturn());
		assertThat(committed.get("created").asInt()).isEqualTo(9);
		var stored = jdbc.sql("""
				select e.start_date, p.birth_year, e.education, e.time_without_work, e.exit_reason, r.name as referrer,
				       d.name as district
				  from enrollment e join participant p on p.id = e.participant_id
				  left join referrer r on r.id = e.referrer_id left join district d on d.id = e.district_id
				 where e.import_id = ? order by e.start_date""").param(id).query().listOfRows();
		assertThat(stored).extracting(r -> r.get("education")).containsExactly("POST_SECONDARY_SHORT", "POST_SECONDARY_3",
				"UPPER_SECONDARY_3", "PRIMARY_9", "UPPER_SECONDARY_2", "POST_SECONDARY_3", "POST_SECONDARY_SHORT", "PRIMARY_9", "DOCTORAL");
		assertThat(stored).extracting(r -> r.get("time_without_work")).containsExactly("UNDER_6_MONTHS", "MONTHS_6_TO_12",
				"YEARS_1_TO_2", "OVER_5_YEARS", "YEARS_2_TO_5", "MONTHS_6_TO_12", "OVER_5_YEARS", "UNDER_6_MONTHS", "YEARS_2_TO_5");
		assertThat(stored).extracting(r -> r.get("referrer")).containsExactly("Försäkringskassan", "Försäkringskassan",
				"Arbetsförmedlingen", "Arbetsförmedlingen", "Järva stadsdelsförvaltning, ekonomiskt bistånd", "Egen anmälan",
				"Södermalms psykosmottagning", "Försäkringskassan", "Region Stockholm – enhet ej angiven");
		assertThat(stored).extracting(r -> r.get("district")).containsExactly("Södermalm", "Södermalm", "Järva",
				"Enskede-Årsta-Vantör", "Järva", "Farsta", "Södermalm", "Hässelby-Vällingby", "Bromma");
		assertThat(stored).extracting(r -> r.get("exit_reason")).containsExactly(null, "WORK", "EMPLOYMENT_SERVICE",
				"ILL_HEALTH", "DROPPED_OUT", "MOVED", null, null, null);
		assertThat(stored.get(0)).as("age 34 at a start in 2024").containsEntry("start_date", java.sql.Date.valueOf(LocalDate.of(2024, 2, 5)))
			.containsEntry("birth_year", 1990);
		mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli"));
	}

	@Test
	void aProposalIsShownPreselectedButHoldsOnlyOnceAPersonSavesIt() throws Exception {
		MockHttpSession session = login("demo-kansli");
		String csv = "Kön;Födelseår;Startdatum;Stadsdel;Samtycke\nK;1990;2024-03-01;Södermaln;Ja\nM;1985;2024-03-02;SDF Farsta;Ja\n";
		MvcResult uploaded = mvc.perform(multipart(PAGES).file(new MockMultipartFile("file", "stadsdelar.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))).param("interventionId", String.valueOf(ips())).session(session).with(csrf()))
			.andReturn();
		String location = uploaded.getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		long sodermalm = jdbc.sql("select id from district where name = 'Södermalm'").query(Long.class).single();

		String page = text(mvc.perform(get(location).session(session)).andReturn());
		assertThat(page).contains("förslag – kontrollera").contains("Behöver kopplas")
			.containsPattern("<option value=\"" + sodermalm + "\"\\s+selected=\"selected\">Södermalm</option>");

		JsonNode view = body(mvc.perform(get(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli")).andReturn());
		assertThat(view.get("status").asString()).as("a proposal is not a match").isEqualTo("NEEDS_MAPPING");
		assertThat(view.get("unmatchedValues").get("district").get(0).asString()).isEqualTo("Södermaln");
		String before = counts();
		assertThat(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andReturn().getResponse().getStatus()).as("not saved before a person confirms").isEqualTo(422);
		assertThat(counts()).isEqualTo(before);

		// The person saves the mappings with the proposal left selected: that is the confirmation.
		mvc.perform(post(location + "/koppling").session(session).with(csrf())
			.param("header0", "Kön").param("field0", "gender").param("header1", "Födelseår").param("field1", "birthYear")
			.param("header2", "Startdatum").param("field2", "startDate").param("header3", "Stadsdel").param("field3", "district")
			.param("header4", "Samtycke").param("field4", "consent")
			.param("vfield0", "district").param("vraw0", "Södermaln").param("vcode0", String.valueOf(sodermalm)));
		JsonNode confirmed = body(mvc.perform(get(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli")).andReturn());
		assertThat(confirmed.get("status").asString()).isEqualTo("PREVIEW");
		assertThat(text(mvc.perform(get(location).session(session)).andReturn())).doesNotContain("förslag – kontrollera");
		mvc.perform(post(location + "/ta-bort").session(session).with(csrf()));
	}
}
