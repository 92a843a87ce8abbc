package se.samsyn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import se.samsyn.IntegrationTest;

class CatalogIntegrationTests extends IntegrationTest {

	private static final java.util.concurrent.atomic.AtomicInteger UNIQUE = new java.util.concurrent.atomic.AtomicInteger();

	private MockHttpSession kansli;
	private String published;
	private String draft;
	private long skarholmen;

	@BeforeEach
	void twoInsatser() throws Exception {
		kansli = login("demo-kansli");
		long stockholm = associationId("stockholm");
		skarholmen = jdbc.sql("select id from district where association_id = ? and name = 'Skärholmen'").param(stockholm)
			.query(Long.class).single();
		String suffix = UNIQUE.incrementAndGet() + "-" + System.nanoTime() % 100000;
		published = create("Framtidsvägen " + suffix, "Stöd för ungdomar som vill hitta jobb eller plugga.");
		draft = create("Hemliga utkastet " + suffix, "Stöd för ungdomar, ännu inte klart.");
		decide(published);
		mvc.perform(post(published + "/budget").session(kansli).with(csrf()).param("year", "2026").param("amountKr", "4 321 000"));
		mvc.perform(post(published + "/mal").session(kansli).with(csrf()).param("year", "2026").param("text", "Hemligt internt mål")
			.param("metric", "STARTED_COUNT").param("comparator", "AT_LEAST").param("threshold", "55"));
		save(published, "publish");
		save(draft, "save");
	}

	/** Beredning and the board's decision: only decided or running insatser reach the catalogue. */
	private void decide(String insats) throws Exception {
		mvc.perform(post(insats + "/beslut").session(kansli).with(csrf()).param("action", "PREPARE").param("decidedOn", "2026-01-10"));
		mvc.perform(post(insats + "/beslut").session(kansli).with(csrf()).param("action", "APPROVE").param("decidedOn", "2026-02-10")
			.param("reference", "§ 3").param("amountKr", "987 654").param("periodStart", "2026-03-01").param("periodEnd", "2099-12-31"));
	}

	private String create(String name, String description) throws Exception {
		var members = jdbc.sql("select id from member where association_id = ? order by id").param(associationId("stockholm"))
			.query(Long.class).list();
		return mvc.perform(post("/forbund/stockholm/insatser/ny").session(kansli).with(csrf()).param("name", name)
				.param("shortDescription", description).param("kind", "INDIVIDUAL")
				.param("memberIds", members.get(0).toString(), members.get(3).toString())
				.param("districtIds", String.valueOf(skarholmen)))
			.andReturn().getResponse().getRedirectedUrl();
	}

	private void save(String insats, String action) throws Exception {
		mvc.perform(post(insats + "/katalog").session(kansli).with(csrf()).param("action", action)
				.param("forWhom", "Dig som är 16–29 år och varken arbetar eller studerar.").param("minAge", "16").param("maxAge", "29")
				.param("whatYouGet", "En coach som hjälper dig att hitta arbete eller studier.")
				.param("howToGetThere", "Din handläggare på Arbetsförmedlingen eller socialtjänsten anmäler dig.")
				.param("referrerKinds", "STATE", "MUNICIPALITY").param("_selfReferral", "on")
				.param("contact", "Förbundets kansli").param("languages", "Svenska, arabiska"))
			.andExpect(status().is3xxRedirection());
	}

	private String title(String insats) {
		return jdbc.sql("select name from intervention where id = ?").param(Long.parseLong(insats.substring(insats.lastIndexOf('/') + 1)))
			.query(String.class).single();
	}

	@Test
	void anyoneFindsAPublishedInsatsByAWordFormAndByDistrict() throws Exception {
		mvc.perform(get("/katalog").param("q", "unga"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(title(published))))
			.andExpect(header().string("Cache-Control", containsString("public")));
		mvc.perform(get("/katalog").param("q", "pluggar").param("plats", "d" + skarholmen))
			.andExpect(content().string(containsString(title(published))));
		mvc.perform(get("/katalog").param("q", "unga").param("alder", "45"))
			.andExpect(content().string(not(containsString(title(published)))));
		mvc.perform(get("/katalog").param("q", "trumpet"))
			.andExpect(content().string(not(containsString(title(published)))));
	}

	@Test
	void unpublishedInsatserAndEverythingInternalNeverAppear() throws Exception {
		String page = mvc.perform(get("/katalog").param("q", "ungdomar")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(title(published)).doesNotContain(title(draft));
		String json = mvc.perform(get("/api/v1/catalog").param("q", "ungdomar"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem(title(published))))
			.andExpect(jsonPath("$[*].name", not(hasItem(title(draft)))))
			.andReturn().getResponse().getContentAsString();
		String slug = mvc.perform(get("/api/v1/catalog").param("q", "ungdomar"))
			.andReturn().getResponse().getContentAsString();
		for (String internal : new String[] { "4 321 000", "4321000", "987654", "987 654", "Hemligt internt mål", "§ 3",
				"amountKr", "budget", "\"targets\"", "threshold", "decision", "leader" }) {
			assertThat(json).as("open data shows no %s", internal).doesNotContain(internal);
		}
		String url = com.jayway.jsonpath.JsonPath.<java.util.List<String>>read(slug,
				"$[?(@.name == '" + title(published) + "')].url").get(0);
		String entry = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
			.replace('\u00A0', ' ');
		assertThat(entry).contains("En coach som hjälper dig", "Skärholmen", "Svenska, arabiska")
			.doesNotContain("4 321 000").doesNotContain("Hemligt internt mål").doesNotContain("987 654");
		long draftId = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
		mvc.perform(get("/katalog/stockholm/" + draftId)).andExpect(status().isNotFound());
	}

	@Test
	void withdrawingHidesAndRenamingTheInsatsRenamesTheEntry() throws Exception {
		String before = title(published);
		mvc.perform(get("/katalog").param("q", before)).andExpect(content().string(containsString(before)));
		save(published, "withdraw");
		mvc.perform(get("/katalog").param("q", "ungdomar")).andExpect(content().string(not(containsString(before))));
		save(published, "publish");
		var members = jdbc.sql("select id from member where association_id = ? order by id").param(associationId("stockholm"))
			.query(Long.class).list();
		mvc.perform(post(published + "/redigera").session(kansli).with(csrf()).param("name", before + " Nystart")
				.param("shortDescription", "Stöd för ungdomar som vill hitta jobb eller plugga.").param("kind", "INDIVIDUAL")
				.param("memberIds", members.get(0).toString(), members.get(3).toString())
				.param("districtIds", String.valueOf(skarholmen)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/katalog").param("q", "nystart")).andExpect(content().string(containsString(before + " Nystart")));
	}

	@Test
	void publishingNeedsTheTextsACitizenNeeds() throws Exception {
		mvc.perform(post(draft + "/katalog").session(kansli).with(csrf()).param("action", "publish").param("forWhom", "")
				.param("minAge", "30").param("maxAge", "20"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fyll i fältet innan insatsen publiceras.")))
			.andExpect(content().string(containsString("Till-åldern kan inte vara lägre än från-åldern.")));
		mvc.perform(get("/katalog").param("q", "ungdomar")).andExpect(content().string(not(containsString(title(draft)))));
	}

	@Test
	void theDemoCatalogIsPublishedAcrossFörbund() throws Exception {
		mvc.perform(get("/api/v1/catalog"))
			.andExpect(jsonPath("$[*].association", hasItem("stockholm")))
			.andExpect(jsonPath("$[*].association", hasItem("sodertalje")))
			.andExpect(jsonPath("$[*].name", hasItem("Aktivitetsplatsen")))
			.andExpect(jsonPath("$[*].name", not(hasItem("IPS för personer med beroendeproblematik"))));
		mvc.perform(get("/api/v1/catalog").param("association", "sodertalje"))
			.andExpect(jsonPath("$[*].association", not(hasItem("stockholm"))));
	}

	@Test
	void resultsComeInPages() throws Exception {
		mvc.perform(get("/api/v1/catalog").param("size", "2").param("page", "0"))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(header().string("X-Total-Count", org.hamcrest.Matchers.not("2")));
		String run = UNIQUE.incrementAndGet() + "x" + System.nanoTime() % 100000;
		for (int i = 0; i < 21; i++) {
			String insats = create("Sidbrytning " + run + " " + i, "Fler insatser än som får plats på en sida.");
			decide(insats);
			save(insats, "publish");
		}
		mvc.perform(get("/katalog").param("q", "sidbrytning " + run))
			.andExpect(content().string(containsString("21 insatser")))
			.andExpect(content().string(containsString("Sida 1 av 2")));
		mvc.perform(get("/katalog").param("q", "sidbrytning " + run).param("sida", "2")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Sida 2 av 2")))
			.andExpect(content().string(containsString("Sidbrytning " + run + " 9")));
	}

	@Test
	void theEmbeddableListMayBeFramedButNothingElse() throws Exception {
		mvc.perform(get("/katalog/lista").param("forbund", "stockholm"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors *")))
			.andExpect(header().doesNotExist("X-Frame-Options"))
			.andExpect(content().string(containsString("Aktivitetsplatsen")));
		mvc.perform(get("/katalog")).andExpect(header().string("X-Frame-Options", "DENY"));
	}
}
