package se.samsyn.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import se.samsyn.IntegrationTest;

class AssociationPagesIntegrationTests extends IntegrationTest {

	@Test
	void theOverviewShowsTheSeedsStructure() throws Exception {
		var viewer = login("demo-styrelse");
		mvc.perform(get("/forbund/stockholm").session(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Försäkringskassan")))
			.andExpect(content().string(containsString("Region Stockholm")))
			.andExpect(content().string(containsString("Järva")))
			.andExpect(content().string(containsString("Jobbtorg Stockholm")))
			.andExpect(content().string(not(containsString("Lägg till medlem"))));
	}

	@Test
	void aViewerCanReadButNotChange() throws Exception {
		var viewer = login("demo-styrelse");
		mvc.perform(get("/forbund/stockholm/uppgifter").session(viewer)).andExpect(status().isForbidden());
		mvc.perform(post("/forbund/stockholm/medlemmar/ny").session(viewer).with(csrf()).param("kind", "STATE").param("name", "Läsarens medlem"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from member where name = 'Läsarens medlem'").query(Long.class).single()).isZero();
	}

	@Test
	void anAdminAddsEditsAndRemovesAReferringUnit() throws Exception {
		var admin = login("demo-admin");
		long stockholm = associationId("stockholm");
		long region = jdbc.sql("select id from member where association_id = ? and name = 'Region Stockholm'").param(stockholm)
			.query(Long.class).single();
		mvc.perform(post("/forbund/stockholm/anmalande-parter/ny").session(admin).with(csrf())
				.param("name", "Vårdcentral Rinkeby").param("memberId", String.valueOf(region)).param("districtId", "")
				.param("_selfReferral", "on").param("active", "true").param("_active", "on"))
			.andExpect(redirectedUrl("/forbund/stockholm"))
			.andExpect(flash().attribute("notice", "Ändringarna är sparade."));
		long id = jdbc.sql("select id from referrer where name = 'Vårdcentral Rinkeby'").query(Long.class).single();
		mvc.perform(post("/forbund/stockholm/anmalande-parter/" + id).session(admin).with(csrf())
				.param("name", "Vårdcentral Rinkeby").param("memberId", String.valueOf(region))
				.param("_selfReferral", "on").param("_active", "on"))
			.andExpect(redirectedUrl("/forbund/stockholm"));
		assertThat(jdbc.sql("select active from referrer where id = ?").param(id).query(Boolean.class).single())
			.as("an unticked box means no").isFalse();
		mvc.perform(get("/forbund/stockholm/anmalande-parter/" + id + "/ta-bort").session(admin))
			.andExpect(content().string(containsString("Vill du ta bort Vårdcentral Rinkeby?")));
		mvc.perform(post("/forbund/stockholm/anmalande-parter/" + id + "/ta-bort").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/forbund/stockholm"));
		assertThat(jdbc.sql("select count(*) from referrer where id = ?").param(id).query(Long.class).single()).isZero();
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
		var admin = login("demo-admin");
		mvc.perform(post("/forbund/stockholm/medlemmar/ny").session(admin).with(csrf()).param("kind", "MUNICIPALITY").param("name", "Solna stad"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Välj vilken av förbundets kommuner medlemmen är.")));
		mvc.perform(post("/forbund/stockholm/medlemmar/ny").session(admin).with(csrf()).param("kind", "PLANET").param("name", ""))
			.andExpect(content().string(containsString("Välj om medlemmen är staten, en region eller en kommun.")))
			.andExpect(content().string(containsString("Fältet måste fyllas i.")));
		mvc.perform(post("/forbund/stockholm/kommuner/ny").session(admin).with(csrf()).param("municipalityCode", "18").param("name", "Solna"))
			.andExpect(content().string(containsString("Kommunkoden ska vara fyra siffror.")));
		mvc.perform(post("/forbund/stockholm/medlemmar/ny").session(admin).with(csrf()).param("kind", "STATE").param("name", "försäkringskassan"))
			.andExpect(content().string(containsString("Namnet finns redan i förbundet.")));
		mvc.perform(post("/forbund/stockholm/uppgifter").session(admin).with(csrf())
				.param("name", "Samordningsförbundet Stockholms stad").param("orgNumber", "123456-7890").param("foundedOn", "2099-01-01"))
			.andExpect(content().string(containsString("Organisationsnumret ska ha tio siffror")))
			.andExpect(content().string(containsString("Datumet kan inte ligga i framtiden.")));
		assertThat(jdbc.sql("select count(*) from member where name in ('Solna stad', 'försäkringskassan')").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select org_number from association where code = 'stockholm'").query(String.class).optional()).isEmpty();
	}

	@Test
	void whatIsStillInUseCannotBeRemoved() throws Exception {
		var admin = login("demo-admin");
		long stockholmMunicipality = jdbc.sql("select id from municipality where municipality_code = '0180'").query(Long.class).single();
		mvc.perform(post("/forbund/stockholm/kommuner/" + stockholmMunicipality + "/ta-bort").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/forbund/stockholm"))
			.andExpect(flash().attribute("alert", containsString("används av andra uppgifter")));
		assertThat(jdbc.sql("select count(*) from municipality where id = ?").param(stockholmMunicipality).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aSystemAdminCreatesAFörbundWithItsFirstAdministrator() throws Exception {
		var sysadmin = login("demo-sysadmin");
		mvc.perform(post("/system/forbund").session(sysadmin).with(csrf()).param("code", "huddinge-botkyrka")
				.param("name", "Samordningsförbundet HBS").param("adminUsername", "hbs-chef").param("adminName", "Förbundschef HBS"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Samordningsförbundet HBS är skapat")));
		mvc.perform(post("/system/forbund").session(sysadmin).with(csrf()).param("code", "tyreso-ny")
				.param("name", "Halvfärdigt förbund").param("adminUsername", "demo-admin").param("adminName", "Dubblett"))
			.andExpect(content().string(containsString("Användarnamnet är upptaget.")));
		assertThat(jdbc.sql("select count(*) from association where code = 'tyreso-ny'").query(Long.class).single())
			.as("the förbund is not half-saved without its administrator").isZero();
		var viewer = login("demo-styrelse");
		mvc.perform(get("/system/forbund").session(viewer)).andExpect(status().isForbidden());
	}
}
