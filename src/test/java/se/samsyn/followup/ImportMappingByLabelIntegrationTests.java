package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/**
 * A mapping client names a file's values as a person reads them: a code list's label or code, a referring unit's
 * name, in any case and spacing; a name that fits more than one choice, or none, is refused and named.
 */
class ImportMappingByLabelIntegrationTests extends ImportTestSupport {

	private static final String CSV = """
			Kön;Födelseår;Utbildning;Anmälande part;Stadsdel;Startdatum
			K;1980;Skolan i Ankeborg;Enhet X17;Område 9Q;2024-05-02
			M;1985;Lärosäte Y42;Enhet X17;Område 9Q;2024-05-03
			K;1990;Skolan i Ankeborg;Kontor Z3;Område 9Q;2024-05-04
			""";

	@Test
	void labelsNamesAndCodesInAnyCaseAreAcceptedAndTheImportReachesPreview() throws Exception {
		String before = counts();
		long id = body(upload(ips(), CSV)).get("id").asLong();
		long stockholm = associationId("stockholm");
		long jobbtorg = jdbc.sql("select id from referrer where association_id = ? and name = 'Jobbtorg Stockholm'")
			.param(stockholm).query(Long.class).single();
		long kassan = jdbc.sql("select id from referrer where association_id = ? and name = 'Försäkringskassan'")
			.param(stockholm).query(Long.class).single();
		long jarva = jdbc.sql("select id from district where association_id = ? and name = 'Järva'")
			.param(stockholm).query(Long.class).single();

		String mapping = """
				{"values": {
				  "education": {"Skolan i Ankeborg": "  gymnasial   UTBILDNING 3 år ", "Lärosäte Y42": "post_secondary_3"},
				  "referrer": {"Enhet X17": "jobbtorg stockholm", "Kontor Z3": "%d"},
				  "district": {"Område 9Q": "JÄRVA"}},
				 "consent": "ALL_CONSENTED", "consentDate": "2024-05-01"}
				""".formatted(kassan);
		JsonNode mapped = body(map(id, mapping));
		assertThat(mapped.get("status").asString()).isEqualTo("PREVIEW");
		assertThat(mapped.get("errors")).isEmpty();
		assertThat(mapped.get("readyRows").asInt()).isEqualTo(3);
		assertThat(mapped.get("unmatchedValues")).isEmpty();

		JsonNode committed = body(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andReturn());
		assertThat(committed.get("created").asInt()).isEqualTo(3);
		List<String> stored = jdbc.sql("""
				select e.education, e.referrer_id, e.district_id from enrollment e where e.import_id = ? order by e.start_date
				""").param(id).query((rs, n) -> rs.getString(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3)).list();
		assertThat(stored).containsExactly("UPPER_SECONDARY_3/" + jobbtorg + "/" + jarva,
				"POST_SECONDARY_3/" + jobbtorg + "/" + jarva, "UPPER_SECONDARY_3/" + kassan + "/" + jarva);
		mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli"));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aNameThatFitsTwoUnitsOrNoneIsRefusedAndNamed() throws Exception {
		long stockholm = associationId("stockholm");
		// Two units whose names differ only in spacing: a name written either way fits both.
		long region = jdbc.sql("select id from member where association_id = ? and name = 'Region Stockholm'").param(stockholm)
			.query(Long.class).single();
		List<Long> twins = new ArrayList<>();
		for (String name : new String[] { "Mottagning  Norr", "Mottagning Norr" }) {
			jdbc.sql("insert into referrer (association_id, member_id, name, self_referral, active) values (?, ?, ?, false, true)")
				.params(stockholm, region, name).update();
			twins.add(jdbc.sql("select id from referrer where association_id = ? and name = ?").params(stockholm, name)
				.query(Long.class).single());
		}
		long id = body(upload(ips(), CSV)).get("id").asLong();
		try {
			MvcResult ambiguous = map(id, "{\"values\": {\"referrer\": {\"Enhet X17\": \"mottagning norr\"}}}");
			assertThat(ambiguous.getResponse().getStatus()).isEqualTo(400);
			assertThat(ambiguous.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(body(ambiguous).get("errors").get(0).get("message").asString())
				.isEqualTo("”mottagning norr” passar flera val för värdet ”Enhet X17”: ange id eller kod i stället.");

			MvcResult unknown = map(id, "{\"values\": {\"education\": {\"Skolan i Ankeborg\": \"Gymnasial utbildning 4 år\"},"
					+ " \"referrer\": {\"Kontor Z3\": \"Jobbtorg Sthlm\"}}}");
			assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
			List<String> messages = new ArrayList<>();
			body(unknown).get("errors").forEach(e -> messages.add(e.get("message").asString()));
			assertThat(messages).containsExactlyInAnyOrder(
					"”Gymnasial utbildning 4 år” är inget giltigt val för värdet ”Skolan i Ankeborg”: ange ett id, en kod eller en benämning som finns.",
					"”Jobbtorg Sthlm” är inget giltigt val för värdet ”Kontor Z3”: ange ett id, en kod eller en benämning som finns.");

			MvcResult byId = map(id, "{\"values\": {\"referrer\": {\"Enhet X17\": \"" + twins.get(1) + "\"}}}");
			assertThat(byId.getResponse().getStatus()).as("the id tells the twins apart").isEqualTo(200);
		}
		finally {
			mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli"));
			jdbc.sql("delete from referrer where id in (?, ?)").params(twins.get(0), twins.get(1)).update();
		}
	}

	private MvcResult map(long id, String mapping) throws Exception {
		return mvc.perform(put(API + "/" + id + "/mapping").header("Authorization", "Bearer samsyn-demo-kansli")
			.contentType(MediaType.APPLICATION_JSON).content(mapping)).andReturn();
	}
}
