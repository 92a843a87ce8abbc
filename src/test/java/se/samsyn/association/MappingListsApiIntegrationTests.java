package se.samsyn.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.samsyn.IntegrationTest;
import se.samsyn.platform.CodeLists;

/** What a mapping client reads to name values: the förbund's referring units and its code lists, for its own förbund only. */
class MappingListsApiIntegrationTests extends IntegrationTest {

	private static final String API = "/api/v1/associations/";

	@org.springframework.beans.factory.annotation.Autowired
	private CodeLists codeLists;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theReferrersOfTheOwnFörbundWithTheirMembers() throws Exception {
		long stockholm = associationId("stockholm");
		JsonNode referrers = body(call("samsyn-demo-styrelse", API + "stockholm/referrers"));
		assertThat(referrers.size()).isEqualTo(jdbc.sql("select count(*) from referrer where association_id = ?")
			.param(stockholm).query(Long.class).single().intValue());
		JsonNode jobbtorg = find(referrers, "name", "Jobbtorg Stockholm");
		assertThat(jobbtorg.get("id").asLong()).isEqualTo(jdbc.sql("select id from referrer where association_id = ? and name = ?")
			.params(stockholm, "Jobbtorg Stockholm").query(Long.class).single());
		assertThat(jobbtorg.get("member").asString()).isEqualTo("Stockholms stad");
		assertThat(jobbtorg.get("memberId").asLong()).isEqualTo(jdbc.sql("select id from member where association_id = ? and name = ?")
			.params(stockholm, "Stockholms stad").query(Long.class).single());
		assertThat(jobbtorg.get("active").asBoolean()).isTrue();
		JsonNode self = find(referrers, "name", "Egen anmälan");
		assertThat(self.get("member").isNull()).isTrue();
		assertThat(self.get("memberId").isNull()).isTrue();
		assertThat(referrers.toString()).as("another förbund's units are not listed").doesNotContain("Södertälje kommun");
	}

	@Test
	void aCodeListWithTheFörbundsOwnEntriesActiveOrNot() throws Exception {
		long stockholm = associationId("stockholm");
		String code = codeLists.addOwn("EDUCATION", stockholm, "Folkhögskola, allmän kurs " + System.nanoTime(), null);
		codeLists.setOwnActive("EDUCATION", stockholm, code, false);
		String elsewhere = codeLists.addOwn("EDUCATION", associationId("sodertalje"), "Södertäljes egen nivå " + System.nanoTime(), null);
		try {
			JsonNode entries = body(call("samsyn-demo-kansli", API + "stockholm/code-lists/EDUCATION"));
			JsonNode national = find(entries, "code", "UPPER_SECONDARY_3");
			assertThat(national.get("label").asString()).isEqualTo("Gymnasial utbildning 3 år");
			assertThat(national.get("active").asBoolean()).isTrue();
			assertThat(find(entries, "code", code).get("active").asBoolean()).as("an own entry turned off").isFalse();
			assertThat(entries.toString()).doesNotContain(elsewhere);
			assertThat(entries.size()).as("national and own").isEqualTo(jdbc.sql("""
					select count(*) from code_list_entry where list_code = 'EDUCATION' and (association_id is null or association_id = ?)
					""").param(stockholm).query(Long.class).single().intValue());
		}
		finally {
			jdbc.sql("delete from code_list_entry where code in (?, ?)").params(code, elsewhere).update();
		}
	}

	@Test
	void anotherFörbundIsRefusedAndAnUnknownListIsNotFound() throws Exception {
		for (String path : new String[] { "sodertalje/referrers", "sodertalje/code-lists/EDUCATION" }) {
			MvcResult refused = call("samsyn-demo-kansli", API + path);
			assertThat(refused.getResponse().getStatus()).as(path).isEqualTo(403);
			assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(text(refused)).doesNotContain("Södertälje kommun");
		}
		assertThat(call("samsyn-demo-kansli", API + "no-such-forbund/referrers").getResponse().getStatus()).isIn(403, 404);
		for (String list : new String[] { "NO_SUCH_LIST", "education", "MEMBER" }) {
			MvcResult unknown = call("samsyn-demo-kansli", API + "stockholm/code-lists/" + list);
			assertThat(unknown.getResponse().getStatus()).as(list).isEqualTo(404);
			assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(body(unknown).get("title").asString()).isEqualTo("Resursen finns inte");
		}
		assertThat(mvc.perform(get(API + "stockholm/referrers")).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	private MvcResult call(String token, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn();
	}

	private JsonNode body(MvcResult result) throws Exception {
		return json.readTree(text(result));
	}

	private static String text(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (value.equals(node.get(field).asString())) {
				return node;
			}
		}
		throw new AssertionError("no entry with " + field + " " + value + " in " + array);
	}
}
