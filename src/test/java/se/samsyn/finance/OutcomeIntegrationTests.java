package se.samsyn.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import se.samsyn.IntegrationTest;

class OutcomeIntegrationTests extends IntegrationTest {

	private String actuals(long association) {
		return String.join(",", jdbc.sql("select cast(actual_year as varchar(4)) || '/' || cast(actual_month as varchar(2)) || '/' || line_code || '=' || cast(amount_kr as varchar(20)) from budget_actual where association_id = ? order by 1")
			.param(association).query(String.class).list());
	}

	@Test
	void anSie4FileImportsIntoTheOutcomeAndABrokenOneChangesNothing() throws Exception {
		var kansli = login("demo-kansli");
		mvc.perform(post("/forbund/stockholm/ekonomi/2025/utfall/kontoplan").session(kansli).with(csrf())
				.param("mappings", "3010 = CONTRIB-FK\n7000-7099 = OFFICE-SALARY"))
			.andExpect(status().is3xxRedirection());
		long stockholmId = associationId("stockholm");
		String untouched = actuals(stockholmId);
		String missingMapping = SieFileTests.VALID.replace("#KONTO 7010", "#KONTO 6110 \"Lokalhyra\"\n#KONTO 7010")
			.replace("#TRANS 7010 {} 405083.50 20250225 \"Löner\"", "#TRANS 6110 {} 405083.50");
		mvc.perform(multipart("/forbund/stockholm/ekonomi/2025/utfall/sie").file(new MockMultipartFile("file", "utfall.se",
				"text/plain", SieFileTests.pc8(missingMapping))).session(kansli).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Konto 6110 (Lokalhyra) hör inte till någon budgetpost.")));
		long stockholm = associationId("stockholm");
		assertThat(actuals(stockholm)).as("a refused import changes nothing").isEqualTo(untouched);

		mvc.perform(multipart("/forbund/stockholm/ekonomi/2025/utfall/sie").file(new MockMultipartFile("file", "utfall.se",
				"text/plain", SieFileTests.pc8(SieFileTests.VALID))).session(kansli).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select amount_kr from budget_actual where association_id = ? and line_code = 'CONTRIB-FK' and actual_month = 1")
			.param(stockholm).query(Long.class).single()).isEqualTo(1_507_000);
		assertThat(jdbc.sql("select amount_kr from budget_actual where association_id = ? and line_code = 'OFFICE-SALARY' and actual_month = 2")
			.param(stockholm).query(Long.class).single()).isEqualTo(405_084);

		mvc.perform(multipart("/forbund/stockholm/ekonomi/2025/utfall/sie").file(new MockMultipartFile("file", "trasig.se",
				"text/plain", SieFileTests.pc8("#SIETYP 4\n#VER A 1 20250101 \"x\"\n{\n#TRANS 3010 {} abc\n"))).session(kansli).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Rad 4")));
		assertThat(jdbc.sql("select count(*) from budget_actual where association_id = ? and actual_year = 2025").param(stockholm)
			.query(Long.class).single()).as("the earlier import is untouched").isEqualTo(2);

		mvc.perform(get("/forbund/stockholm/ekonomi/2025/utfall").session(kansli))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("till och med månad 2")));

		// Period changes (#PSALDO) when the file has no verifications: each is that month's booking.
		mvc.perform(multipart("/forbund/stockholm/ekonomi/2025/utfall/sie").file(new MockMultipartFile("file", "saldon.se",
				"text/plain", SieFileTests.pc8("#SIETYP 4\n#PSALDO 0 202501 7010 {} 400000.00\n#PSALDO 0 202502 7010 {} 410000.00\n")))
				.session(kansli).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select amount_kr from budget_actual where association_id = ? and actual_year = 2025 and actual_month = 2")
			.param(stockholm).query(Long.class).single()).isEqualTo(410_000);

		mvc.perform(post("/forbund/stockholm/ekonomi/2025/utfall/kontoplan").session(kansli).with(csrf())
				.param("mappings", "3000-3999 = OTHER-INCOME\n3010 = CONTRIB-FK"))
			.andExpect(content().string(containsString("överlappar")));
	}
}
