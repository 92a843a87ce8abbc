package se.samsyn.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import se.samsyn.IntegrationTest;

/** The state's share goes to the state member marked as its payer, whatever the member is called. */
class StatePayerIntegrationTests extends IntegrationTest {

	@Test
	void theMarkedStateMemberPaysTheStatesShare() throws Exception {
		MockHttpSession admin = login("demo-admin");
		long stockholm = associationId("stockholm");
		long fk = member(stockholm, "Försäkringskassan");
		long af = member(stockholm, "Arbetsförmedlingen");
		assertThat(payers(stockholm)).as("the migration and the demo data mark Försäkringskassan").containsExactly(fk);
		try {
			markPayer(admin, af, "Arbetsförmedlingen");
			assertThat(payers(stockholm)).as("one payer: marking another moves it").containsExactly(af);
			mvc.perform(get("/api/v1/associations/stockholm/contributions/2025").header("Authorization", "Bearer samsyn-demo-styrelse"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.members[?(@.name == 'Arbetsförmedlingen')].amountKr").value(hasItem(18_084_000)))
				.andExpect(jsonPath("$.members[?(@.name == 'Försäkringskassan')].paidBy").value(hasItem("Arbetsförmedlingen")));
		}
		finally {
			markPayer(admin, fk, "Försäkringskassan");
		}
		assertThat(payers(stockholm)).containsExactly(fk);
	}

	@Test
	void onlyAStateMemberPaysTheStatesShare() throws Exception {
		MockHttpSession admin = login("demo-admin");
		long stockholm = associationId("stockholm");
		long region = member(stockholm, "Region Stockholm");
		mvc.perform(post("/forbund/stockholm/medlemmar/" + region).session(admin).with(csrf())
				.param("kind", "REGION").param("name", "Region Stockholm").param("statePayer", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bara en statlig medlem kan betala statens andel.")));
		assertThat(payers(stockholm)).containsExactly(member(stockholm, "Försäkringskassan"));
	}

	private void markPayer(MockHttpSession admin, long memberId, String name) throws Exception {
		mvc.perform(post("/forbund/stockholm/medlemmar/" + memberId).session(admin).with(csrf())
				.param("kind", "STATE").param("name", name).param("statePayer", "true"))
			.andExpect(status().is3xxRedirection());
	}

	private long member(long associationId, String name) {
		return jdbc.sql("select id from member where association_id = ? and name = ?").params(associationId, name)
			.query(Long.class).single();
	}

	private java.util.List<Long> payers(long associationId) {
		return jdbc.sql("select id from member where association_id = ? and state_payer order by id").param(associationId)
			.query(Long.class).list();
	}
}
