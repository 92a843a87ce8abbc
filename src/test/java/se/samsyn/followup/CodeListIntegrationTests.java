package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import se.samsyn.IntegrationTest;

/** A förbund extends the national code lists with entries of its own, which the follow-up then accepts. */
class CodeListIntegrationTests extends IntegrationTest {

	@Test
	void anOwnExitReasonIsAddedUsedAndTurnedOffWhileTheNationalOnesStay() throws Exception {
		MockHttpSession admin = login("demo-admin");
		mvc.perform(post("/forbund/stockholm/kodlistor/EXIT_REASON").session(admin).with(csrf())
			.param("labelSv", "Vidare till Kompetenscentrum").param("labelEn", "On to the skills centre"))
			.andExpect(status().is3xxRedirection());
		String code = jdbc.sql("select code from code_list_entry where list_code = 'EXIT_REASON' and label_sv = 'Vidare till Kompetenscentrum'")
			.query(String.class).single();
		assertThat(code).isEqualTo("EGEN_VIDARE_TILL_KOMPETENSCENTRUM");
		assertThat(jdbc.sql("select association_id from code_list_entry where code = ?").param(code).query(Long.class).single())
			.isEqualTo(associationId("stockholm"));

		// The same label again is refused; the list is unchanged.
		mvc.perform(post("/forbund/stockholm/kodlistor/EXIT_REASON").session(admin).with(csrf())
			.param("labelSv", "vidare till kompetenscentrum")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from code_list_entry where list_code = 'EXIT_REASON' and association_id is not null")
			.query(Long.class).single()).isEqualTo(1);

		String page = mvc.perform(get("/forbund/stockholm/kodlistor").session(admin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Vidare till Kompetenscentrum").contains("Rehabiliteringssamverkan FK–AF");

		MockHttpSession kansli = login("demo-kansli");
		long novum = jdbc.sql("select id from intervention where name = 'Novum'").query(Long.class).single();
		String form = mvc.perform(post("/forbund/stockholm/insatser/" + novum + "/deltagare/ny").session(kansli).with(csrf())
				.param("consent", "true").param("consentDate", "2025-04-01").param("startDate", "2025-04-01")
				.param("gender", "WOMAN").param("birthYear", "1985"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String exit = form + "/avslut";
		mvc.perform(post(exit).session(kansli).with(csrf()).param("endDate", "2025-05-01").param("exitReason", code))
			.andExpect(status().is3xxRedirection());
		long enrollment = Long.parseLong(form.substring(form.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("select exit_reason from enrollment where id = ?").param(enrollment).query(String.class).single())
			.isEqualTo(code);

		// Another förbund cannot choose Stockholm's own entry.
		assertThat(jdbc.sql("select count(*) from code_list_entry where code = ? and association_id <> ?")
			.params(code, associationId("stockholm")).query(Long.class).single()).isZero();

		// Turned off: no longer a choice, still on what was registered.
		mvc.perform(post("/forbund/stockholm/kodlistor/EXIT_REASON/" + code + "/aktiv").session(admin).with(csrf())
			.param("active", "false")).andExpect(status().is3xxRedirection());
		String exitForm = mvc.perform(get("/forbund/stockholm/perioder/" + enrollment + "/avslut").session(kansli))
			.andReturn().getResponse().getContentAsString();
		assertThat(exitForm).doesNotContain("value=\"" + code + "\"");
		assertThat(jdbc.sql("select exit_reason from enrollment where id = ?").param(enrollment).query(String.class).single())
			.isEqualTo(code);

		// National entries cannot be turned off, and the kansli cannot change the lists.
		mvc.perform(post("/forbund/stockholm/kodlistor/EXIT_REASON/WORK/aktiv").session(admin).with(csrf())
			.param("active", "false")).andExpect(status().isNotFound());
		mvc.perform(post("/forbund/stockholm/kodlistor/EXIT_REASON").session(kansli).with(csrf()).param("labelSv", "Annat"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select active from code_list_entry where code = 'WORK' and list_code = 'EXIT_REASON'")
			.query(Boolean.class).single()).isTrue();
	}
}
