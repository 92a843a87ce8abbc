package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.samsyn.IntegrationTest;

/**
 * The participant list reads one page at a time and lets the database count its summary: the page
 * must show the same rows, in the same order, and the same counts as the whole list the API gives.
 */
class EnrollmentListIntegrationTests extends IntegrationTest {

	private static final Pattern CODE = Pattern.compile("\"participantCode\":\"(D-[A-Z0-9]+)\"");

	@Test
	void pagesAndSummaryAgreeWithTheWholeList() throws Exception {
		long intervention = jdbc.sql("select id from intervention where name = 'Aktivitetsplatsen'").query(Long.class).single();
		String api = "/api/v1/associations/stockholm/interventions/" + intervention + "/enrollments";
		String json = mvc.perform(get(api).header("Authorization", "Bearer samsyn-demo-kansli")).andReturn().getResponse()
			.getContentAsString();
		List<String> codes = new ArrayList<>();
		Matcher matcher = CODE.matcher(json);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		long ongoing = json.split("\"endDate\":null", -1).length - 1;
		long incomplete = json.split("\"missing\":\\[\"", -1).length - 1;
		assertThat(codes).as("the demo insats needs more than one page").hasSizeGreaterThan(100);
		assertThat(incomplete).as("the demo has episodes that lack data").isPositive();

		var session = login("demo-kansli");
		String path = "/forbund/stockholm/insatser/" + intervention + "/deltagare";
		String first = mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
		String second = mvc.perform(get(path).param("sida", "2").session(session)).andReturn().getResponse().getContentAsString();
		String beyond = mvc.perform(get(path).param("sida", "999").session(session)).andReturn().getResponse().getContentAsString();

		int pages = (codes.size() + 99) / 100;
		assertThat(first).contains(codes.size() + " perioder, varav " + ongoing + " pågående.")
			.contains(incomplete + " saknar uppgifter.").contains("Sida 1 av " + pages);
		assertThat(codesIn(first)).containsExactlyElementsOf(codes.subList(0, 100));
		assertThat(codesIn(second)).containsExactlyElementsOf(codes.subList(100, Math.min(200, codes.size())));
		assertThat(beyond).as("past the end: the last page").contains("Sida " + pages + " av " + pages);
		assertThat(mvc.perform(get(path).param("status", "ONGOING").session(session)).andReturn().getResponse()
			.getContentAsString()).contains(ongoing + " perioder, varav " + ongoing + " pågående.");
		String ended = mvc.perform(get(path).param("status", "ENDED").session(session)).andReturn().getResponse()
			.getContentAsString();
		assertThat(ended).contains((codes.size() - ongoing) + " perioder, varav 0 pågående.")
			.contains("<option value=\"ENDED\" selected=\"selected\">Avslutade</option>");
		assertThat(mvc.perform(get(path).param("status", "EVIL").session(session)).andReturn().getResponse()
			.getContentAsString()).as("an edited link shows every episode")
			.contains(codes.size() + " perioder, varav " + ongoing + " pågående.");
	}

	private static List<String> codesIn(String html) {
		List<String> codes = new ArrayList<>();
		Matcher matcher = Pattern.compile(">(D-[A-Z0-9]{6})<").matcher(html);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}
}
