package se.samsyn.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

import se.samsyn.IntegrationTest;

/** SIE files whose amounts or periods cannot be an outcome: a Swedish answer per line, and nothing stored. */
class OutcomeBoundsIntegrationTests extends IntegrationTest {

	private String actuals(long association) {
		return String.join(",", jdbc.sql("select cast(actual_year as varchar(4)) || '/' || cast(actual_month as varchar(2)) || '/' "
				+ "|| line_code || '=' || cast(amount_kr as varchar(20)) from budget_actual where association_id = ? order by 1")
			.param(association).query(String.class).list());
	}

	private String upload(MockHttpSession session, String sie) throws Exception {
		return mvc.perform(multipart("/forbund/stockholm/ekonomi/2025/utfall/sie")
				.file(new MockMultipartFile("file", "utfall.se", "text/plain", SieFileTests.pc8(sie))).session(session).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void hugeAmountsHugeSumsAndMonthThirteenAreLineErrorsAndChangeNothing() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		mvc.perform(post("/forbund/stockholm/ekonomi/2025/utfall/kontoplan").session(kansli).with(csrf())
				.param("mappings", "3010 = CONTRIB-FK\n7000-7099 = OFFICE-SALARY"))
			.andExpect(status().is3xxRedirection());
		long stockholm = associationId("stockholm");
		String before = actuals(stockholm);

		// 9 300 transactions of 9 999 999 999 999,99 kr used to wrap around to −91 467 440 737 096 tkr.
		StringBuilder wrapping = new StringBuilder("#SIETYP 4\n#VER A 1 20250131 \"Löner\"\n{\n");
		for (int i = 0; i < 9300; i++) {
			wrapping.append("#TRANS 7010 {} 9999999999999.99\n");
		}
		wrapping.append("}\n");
		assertThat(upload(kansli, wrapping.toString())).contains("Rad 4: beloppet är för stort.").contains("Rad 5: beloppet är för stort.")
			.doesNotContain("-91").doesNotContain("−91");

		// Each amount within bounds, their sum on one budget line past them: the line where it passes is named.
		String summing = """
				#SIETYP 4
				#VER A 1 20250131 "Löner"
				{
				   #TRANS 7010 {} 600000000000.00
				   #TRANS 1930 {} -600000000000.00
				   #TRANS 7010 {} 600000000000.00
				   #TRANS 1930 {} -600000000000.00
				}
				""";
		assertThat(upload(kansli, summing)).contains("Rad 6: summan för budgetposten OFFICE-SALARY blir större än 1 000 000 000 000 kr");

		assertThat(upload(kansli, "#SIETYP 4\n#PSALDO 0 202501 7010 {} 400000.00\n#PSALDO 0 202513 7010 {} 410000.00\n"))
			.contains("Rad 3: perioden är ingen månad.");

		assertThat(actuals(stockholm)).as("nothing of a refused file is stored").isEqualTo(before);
	}
}
