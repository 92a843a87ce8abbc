package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/** The import API: a real Stockholm-style file, mapping, all-or-nothing commits, undo, access and privacy. */
class FollowupImportIntegrationTests extends ImportTestSupport {

	@Autowired
	private FollowupImports imports;

	@Test
	void anXlsxInStockholmsStyleWrittenByLibreOfficeImportsCorrectly() throws Exception {
		long ips = ips();
		MvcResult uploaded = upload("samsyn-demo-kansli", ips, "insatsuppfoljning-stockholm.xlsx",
				FollowupWorkbookTests.resource("/followup/insatsuppfoljning-stockholm.xlsx"));
		assertThat(uploaded.getResponse().getStatus()).as(text(uploaded)).isEqualTo(201);
		JsonNode body = body(uploaded);
		assertThat(body.get("status").asString()).as("the file has no Samtycke column: consent is asked for, never assumed")
			.isEqualTo("NEEDS_MAPPING");
		assertThat(body.get("rows").asInt()).isEqualTo(12);
		assertThat(body.get("errors")).singleElement().satisfies(e -> assertThat(e.get("column").asString()).isEqualTo("Samtycke"));
		assertThat(body.get("consentColumn").asBoolean()).isFalse();
		assertThat(body.get("columns").get("Kön").asString()).isEqualTo("gender");
		assertThat(body.get("columns").get("Anmälande part").asString()).isEqualTo("referrer");
		long id = body.get("id").asLong();

		JsonNode committed = body(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli")
			.contentType(MediaType.APPLICATION_JSON).content("{\"consent\": \"ALL_CONSENTED\", \"consentDate\": \"2024-01-08\"}"))
			.andReturn());
		assertThat(committed.get("status").asString()).isEqualTo("COMMITTED");
		assertThat(committed.get("created").asInt()).isEqualTo(12);

		assertThat(jdbc.sql("select count(*) from enrollment where import_id = ?").param(id).query(Long.class).single()).isEqualTo(12);
		assertThat(jdbc.sql("select distinct consent_date from enrollment where import_id = ?").param(id).query(LocalDate.class).list())
			.containsExactly(LocalDate.of(2024, 1, 8));
		assertThat(jdbc.sql("select count(*) from enrollment where import_id = ? and end_date is not null").param(id)
			.query(Long.class).single()).isEqualTo(4);
		var first = jdbc.sql("""
				select p.gender, p.birth_year, e.education, e.time_without_work, e.occupation, r.name as referrer, d.name as district
				  from enrollment e join participant p on p.id = e.participant_id
				  left join referrer r on r.id = e.referrer_id left join district d on d.id = e.district_id
				 where e.import_id = ? and e.start_date = ?""").params(id, LocalDate.of(2024, 1, 15)).query().singleRow();
		assertThat(first).containsEntry("gender", "WOMAN").containsEntry("birth_year", 1990)
			.containsEntry("education", "UPPER_SECONDARY_3").containsEntry("time_without_work", "YEARS_2_TO_5")
			.containsEntry("occupation", "NONE").containsEntry("referrer", "Södermalms psykosmottagning")
			.containsEntry("district", "Södermalm");
		assertThat(jdbc.sql("select exit_reason from enrollment where import_id = ? and start_date = ?")
			.params(id, LocalDate.of(2024, 1, 22)).query(String.class).single()).isEqualTo("WORK");
		assertThat(jdbc.sql("""
				select i.code from enrollment_income i join enrollment e on e.id = i.enrollment_id
				 where e.import_id = ? and e.start_date = ? order by i.code""").params(id, LocalDate.of(2024, 3, 4))
			.query(String.class).list()).containsExactly("ACTIVITY_COMPENSATION", "ECONOMIC_ASSISTANCE");
		assertThat(jdbc.sql("select staged_rows from followup_import_staging where import_id = ?").param(id).query(String.class).optional())
			.as("staged rows erased").isEmpty();

		JsonNode undone = body(mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli")).andReturn());
		assertThat(undone.get("status").asString()).isEqualTo("UNDONE");
		assertThat(jdbc.sql("select count(*) from enrollment where import_id = ?").param(id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from participant where import_id = ?").param(id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select action, detail from audit_event where target_type = 'FOLLOWUP_IMPORT' and target_id = ? order by id")
			.param(String.valueOf(id)).query((rs, n) -> rs.getString(1)).list())
			.containsExactly("IMPORT_UPLOADED", "IMPORT_COMMITTED", "IMPORT_UNDONE");
	}

	@Test
	void aBrokenFileImportsNothingAndSaysWhyRowByRow() throws Exception {
		String before = counts();
		String csv = """
				Kön;Ålder;Utbildning;Startdatum;Slutdatum;Avslutsorsak
				K;30;Gymnasial utbildning 3 år;2024-02-30;;
				M;41;Universitetet;2024-03-01;;
				K;25;Gymnasial utbildning 3 år;2024-03-05;2024-02-01;Arbete
				M;33;Forskarutbildning;2024-04-01;;
				M;33;Forskarutbildning;2024-04-01;;
				K;29;Forskarutbildning;2024-04-01;2024-05-01;Månlandning
				""";
		JsonNode body = body(upload(ips(), csv));
		assertThat(body.get("status").asString()).isEqualTo("NEEDS_MAPPING");
		List<String> errors = new ArrayList<>();
		body.get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asString() + ": " + e.get("message").asString()));
		assertThat(errors).contains("2 Startdatum: Skriv datumet som ÅÅÅÅ-MM-DD.".replace("Skriv datumet som ÅÅÅÅ-MM-DD.", message("validation.date")))
			.contains("3 Utbildning: Värdet ”Universitetet” känns inte igen. Koppla det under Värden att koppla.")
			.contains("4 Slutdatum: Slutdatum kan inte ligga före startdatum.")
			.contains("7 Avslutsorsak: Värdet ”Månlandning” känns inte igen. Koppla det under Värden att koppla.");
		assertThat(errors).anyMatch(e -> e.startsWith("6 ") && e.contains("kopia av rad 5"));
		assertThat(body.get("unmatchedValues").get("education").get(0).asString()).isEqualTo("Universitetet");

		MvcResult refused = mvc.perform(post(API + "/" + body.get("id").asLong() + "/commit")
			.header("Authorization", "Bearer samsyn-demo-kansli")).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(body(refused).get("errors").size()).isEqualTo(errors.size());
		assertThat(body(refused).get("title").asString()).isEqualTo("Importen har fel och sparades inte");
		assertThat(counts()).as("nothing stored").isEqualTo(before);
	}

	@Test
	void unknownColumnsAndValuesAreMappedByTheUserThenAllRowsAreStoredInOneGo() throws Exception {
		StringBuilder csv = new StringBuilder("Könstillhörighet;Födelseår;Utbildning;Startdatum\n");
		for (int i = 0; i < 150; i++) {
			csv.append(i % 2 == 0 ? "Flicka" : "M").append(';').append(1960 + i % 40).append(';')
				.append(i == 149 ? "Gymnasiet" : "Gymnasial utbildning 3 år").append(";2024-05-").append(String.format("%02d", 1 + i % 28)).append('\n');
		}
		String before = counts();
		JsonNode uploaded = body(upload(ips(), csv.toString()));
		long id = uploaded.get("id").asLong();
		assertThat(uploaded.get("status").asString()).isEqualTo("NEEDS_MAPPING");
		assertThat(uploaded.get("columns").get("Könstillhörighet").isNull()).isTrue();

		String half = "{\"columns\": {\"Könstillhörighet\": \"gender\"}, \"values\": {\"gender\": {\"Flicka\": \"WOMAN\"}}}";
		JsonNode mapped = body(mvc.perform(put(API + "/" + id + "/mapping").header("Authorization", "Bearer samsyn-demo-kansli")
			.contentType(MediaType.APPLICATION_JSON).content(half)).andReturn());
		assertThat(mapped.get("status").asString()).isEqualTo("NEEDS_MAPPING");
		assertThat(mapped.get("unmatchedValues").get("education").get(0).asString()).isEqualTo("Gymnasiet");
		assertThat(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andReturn().getResponse().getStatus()).as("one row still has an unknown value").isEqualTo(422);
		assertThat(counts()).as("all or nothing: not one of the 149 good rows").isEqualTo(before);

		String bad = "{\"values\": {\"education\": {\"Gymnasiet\": \"NO_SUCH_CODE\"}}}";
		MvcResult refused = mvc.perform(put(API + "/" + id + "/mapping").header("Authorization", "Bearer samsyn-demo-kansli")
			.contentType(MediaType.APPLICATION_JSON).content(bad)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(text(refused)).contains("är inget giltigt val");

		String full = "{\"columns\": {\"Könstillhörighet\": \"gender\"}, \"values\": {\"gender\": {\"Flicka\": \"WOMAN\"},"
				+ " \"education\": {\"Gymnasiet\": \"UPPER_SECONDARY_3\"}}, \"consent\": \"ALL_CONSENTED\", \"consentDate\": \"2024-05-01\"}";
		JsonNode ready = body(mvc.perform(put(API + "/" + id + "/mapping").header("Authorization", "Bearer samsyn-demo-kansli")
			.contentType(MediaType.APPLICATION_JSON).content(full)).andReturn());
		assertThat(ready.get("status").asString()).isEqualTo("PREVIEW");
		assertThat(ready.get("errors")).isEmpty();
		assertThat(body(mvc.perform(get(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli")).andReturn())
			.get("status").asString()).isEqualTo("PREVIEW");
		JsonNode committed = body(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andReturn());
		assertThat(committed.get("created").asInt()).isEqualTo(150);
		assertThat(jdbc.sql("select count(*) from participant p join enrollment e on e.participant_id = p.id where e.import_id = ? and p.gender = 'WOMAN'")
			.param(id).query(Long.class).single()).isEqualTo(75);
		assertThat(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andReturn().getResponse().getStatus()).as("a second commit").isEqualTo(409);
		mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli"));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void undoRemovesExactlyWhatTheImportCreated() throws Exception {
		long ips = ips();
		String known = personnummer(LocalDate.of(1984, 3, 12));
		String fresh = personnummer(LocalDate.of(1991, 7, 2));
		// The known person took part before; the import gives them a second episode.
		JsonNode earlier = body(upload(ips, "Personnummer;Startdatum;Slutdatum;Avslutsorsak;Samtycke\n" + known
				+ ";2023-01-10;2023-06-30;Studier;Ja\n"));
		mvc.perform(post(API + "/" + earlier.get("id").asLong() + "/commit").header("Authorization", "Bearer samsyn-demo-kansli"));
		long knownParticipant = jdbc.sql("select participant_id from enrollment where import_id = ?").param(earlier.get("id").asLong())
			.query(Long.class).single();
		String before = counts();

		String csv = "Personnummer;Kön;Födelseår;Startdatum;Samtycke;Försörjning\n"
				+ known + ";;;2024-09-01;Ja;Lön\n"
				+ fresh + ";;;2024-09-02;Ja;A-kassa, Lön\n"
				+ ";K;1970;2024-09-03;Nej;\n";
		JsonNode body = body(upload(ips, csv));
		assertThat(body.get("errors")).as(body.toString()).isEmpty();
		long id = body.get("id").asLong();
		assertThat(body(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli")).andReturn())
			.get("created").asInt()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from enrollment where participant_id = ?").param(knownParticipant).query(Long.class).single())
			.as("the known person got their second episode").isEqualTo(2);
		assertThat(FollowupFixtures.episodesDifferingFromTheirParticipant(jdbc)).as("imported episodes carry their participant's gender and birth year")
			.isZero();
		assertThat(jdbc.sql("select count(*) from anonymous_start where import_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
		long imported = jdbc.sql("select id from enrollment where import_id = ? and participant_id = ?").params(id, knownParticipant)
			.query(Long.class).single();
		jdbc.sql("insert into joint_plan (association_id, enrollment_id, meeting_date, created_at) values (?, ?, ?, ?)")
			.params(associationId("stockholm"), imported, LocalDate.of(2024, 9, 10), OffsetDateTime.now()).update();

		MvcResult undone = mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli")).andReturn();
		assertThat(body(undone).get("status").asString()).isEqualTo("UNDONE");
		assertThat(counts()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from enrollment where participant_id = ?").param(knownParticipant).query(Long.class).single())
			.as("the earlier episode stays").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from joint_plan where enrollment_id = ?").param(imported).query(Long.class).single()).isZero();
		assertThat(mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli")).andReturn()
			.getResponse().getStatus()).as("undo twice").isEqualTo(409);
		mvc.perform(delete(API + "/" + earlier.get("id").asLong()).header("Authorization", "Bearer samsyn-demo-kansli"));
	}

	@Test
	void rowsWithoutConsentOrWithProtectedIdentityAreOnlyCounted() throws Exception {
		String withoutConsent = personnummer(LocalDate.of(1986, 2, 14));
		String protectedPerson = personnummer(LocalDate.of(1990, 8, 1));
		String consenting = personnummer(LocalDate.of(1993, 12, 24));
		String csv = "Personnummer;Startdatum;Samtycke;Skyddad identitet\n" + withoutConsent + ";2024-02-01;Nej;\n"
				+ protectedPerson + ";2024-02-02;Ja;Ja\n" + consenting + ";2024-02-03;Ja;Nej\n";
		long participantsBefore = count("participant");
		JsonNode body = body(upload(ips(), csv));
		assertThat(body.get("errors")).as(body.toString()).isEmpty();
		long id = body.get("id").asLong();
		assertThat(body(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli")).andReturn())
			.get("created").asInt()).isEqualTo(3);
		assertThat(count("participant")).as("only the consenting person is a participant").isEqualTo(participantsBefore + 1);
		LocalDate today = LocalDate.now();
		assertThat(jdbc.sql("select gender || ' ' || reason from anonymous_start where import_id = ? order by start_date").param(id)
			.query(String.class).list()).containsExactly(
					Personnummer.parse(withoutConsent, today).value().legalGender() + " NO_CONSENT",
					Personnummer.parse(protectedPerson, today).value().legalGender() + " PROTECTED_IDENTITY");
		mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli"));
		assertThat(count("participant")).isEqualTo(participantsBefore);
	}

	@Test
	void aPersonAlreadyTakingPartOrTwiceInTheFileIsRefused() throws Exception {
		long ips = ips();
		String person = personnummer(LocalDate.of(1979, 11, 30));
		JsonNode first = body(upload(ips, "Personnummer;Startdatum;Samtycke\n" + person + ";2024-01-10;Ja\n"));
		mvc.perform(post(API + "/" + first.get("id").asLong() + "/commit").header("Authorization", "Bearer samsyn-demo-kansli"));

		String other = personnummer(LocalDate.of(1988, 1, 5));
		JsonNode second = body(upload(ips, "Personnummer;Startdatum;Samtycke\n" + person + ";2024-06-10;Ja\n" + other
				+ ";2024-02-01;Ja\n" + other + ";2024-03-01;Ja\n"));
		List<String> errors = new ArrayList<>();
		second.get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("message").asString()));
		assertThat(errors).containsExactly("2 Personen har redan en pågående period i insatsen.",
				"4 Samma person har redan en pågående period på rad 3.");
		assertThat(text(upload(ips, "Personnummer;Startdatum\n" + person + ";2024-06-10\n"))).doesNotContain(person)
			.doesNotContain(person.replace("-", "")).doesNotContain(person.substring(2, 8));
		mvc.perform(delete(API + "/" + first.get("id").asLong()).header("Authorization", "Bearer samsyn-demo-kansli"));
	}

	@Test
	void noPersonnummerInAnyAnswerNorReadableInTheStagedRows() throws Exception {
		String person = personnummer(LocalDate.of(1975, 5, 17));
		String wrong = "19750517-0000";
		String csv = "Personnummer;Startdatum;Utbildning\n" + person + ";2024-01-10;Okänd nivå\n" + wrong + ";2024-01-11;\n";
		MvcResult uploaded = upload(ips(), csv);
		long id = body(uploaded).get("id").asLong();
		List<String> answers = new ArrayList<>(List.of(text(uploaded)));
		answers.add(text(mvc.perform(get(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli")).andReturn()));
		answers.add(text(mvc.perform(put(API + "/" + id + "/mapping").header("Authorization", "Bearer samsyn-demo-kansli")
			.contentType(MediaType.APPLICATION_JSON).content("{\"values\": {\"education\": {\"Okänd nivå\": \"UNKNOWN\"}}}")).andReturn()));
		answers.add(text(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli")).andReturn()));
		var session = login("demo-kansli");
		answers.add(text(mvc.perform(get("/forbund/stockholm/uppfoljning/import/" + id).session(session)).andReturn()));
		answers.add(text(mvc.perform(get("/forbund/stockholm/uppfoljning/import").session(session)).andReturn()));
		for (String answer : answers) {
			assertThat(answer).doesNotContain(person.substring(0, 8)).doesNotContain(person.substring(9))
				.doesNotContain(person.substring(2, 8)).doesNotContain("0517-0000");
		}
		assertThat(answers.get(3)).as("the bad personnummer row is named by number").contains("\"row\":3");
		String staged = jdbc.sql("select staged_rows from followup_import_staging where import_id = ?").param(id).query(String.class).single();
		assertThat(staged).doesNotContain(person.substring(0, 8)).doesNotContain("Personnummer").doesNotContain("Startdatum");
		assertThat(jdbc.sql("select detail from audit_event where target_type = 'FOLLOWUP_IMPORT' and target_id = ?")
			.param(String.valueOf(id)).query(String.class).list()).allMatch(detail -> !detail.contains(person.substring(2, 8)));
	}

	@Test
	void aDiscardedImportKeepsNoStagedRowsAndCreatesNothing() throws Exception {
		MvcResult uploaded = upload(ips(), "Kön;Födelseår;Startdatum\nK;1981;2024-02-12\nM;1979;2024-02-13\n");
		assertThat(uploaded.getResponse().getStatus()).as(text(uploaded)).isEqualTo(201);
		long id = body(uploaded).get("id").asLong();
		assertThat(jdbc.sql("select count(*) from followup_import_staging where import_id = ?").param(id).query(Long.class).single())
			.as("staged until commit or discard").isEqualTo(1);

		JsonNode discarded = body(mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli")).andReturn());
		assertThat(discarded.get("status").asString()).isEqualTo("DISCARDED");
		assertThat(jdbc.sql("select count(*) from followup_import_staging where import_id = ?").param(id).query(Long.class).single())
			.as("staged rows erased").isZero();
		assertThat(jdbc.sql("select count(*) from enrollment where import_id = ?").param(id).query(Long.class).single()).isZero();
		assertThat(mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli")).andReturn()
			.getResponse().getStatus()).as("a discarded import cannot be committed").isEqualTo(409);
	}

	@Test
	void anImportLeftInReviewForMoreThanAWeekExpiresAndItsRowsAreErased() throws Exception {
		String csv = "Kön;Födelseår;Startdatum;Samtycke\nK;1982;2024-03-12;Ja\n";
		long old = body(upload(ips(), csv)).get("id").asLong();
		long fresh = body(upload(ips(), csv)).get("id").asLong();
		jdbc.sql("update followup_import set uploaded_at = ? where id = ?")
			.params(OffsetDateTime.now().minus(FollowupImports.STAGED_AT_MOST).minusHours(1), old).update();

		assertThat(imports.expireStaged()).isGreaterThanOrEqualTo(1);

		assertThat(jdbc.sql("select status from followup_import where id = ?").param(old).query(String.class).single())
			.isEqualTo("EXPIRED");
		assertThat(jdbc.sql("select count(*) from followup_import_staging where import_id = ?").param(old).query(Long.class).single())
			.as("the week-old rows are erased").isZero();
		assertThat(jdbc.sql("select status from followup_import where id = ?").param(fresh).query(String.class).single())
			.as("a fresh import stays in review").isEqualTo("PREVIEW");
		assertThat(jdbc.sql("select count(*) from followup_import_staging where import_id = ?").param(fresh).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select actor from audit_event where action = 'IMPORT_EXPIRED' and target_id = ?")
			.param(String.valueOf(old)).query(String.class).list()).containsExactly("system");
		assertThat(mvc.perform(post(API + "/" + old + "/commit").header("Authorization", "Bearer samsyn-demo-kansli")).andReturn()
			.getResponse().getStatus()).as("an expired import cannot be committed").isEqualTo(409);
		String page = text(mvc.perform(get("/forbund/stockholm/uppfoljning/import/" + old).session(login("demo-kansli"))).andReturn());
		assertThat(page).contains("Förfallen").contains("sparades inte inom 7 dagar");
		assertThat(text(mvc.perform(get("/forbund/stockholm/uppfoljning/import/" + fresh).session(login("demo-kansli"))).andReturn()))
			.as("an import in review says when it is thrown away").contains("Kastas automatiskt").contains("om importen inte sparas innan dess");
	}

	@Test
	void onlyTheUsersOwnInsatserOfTheirFörbund() throws Exception {
		String csv = "Kön;Födelseår;Startdatum\nK;1980;2024-01-10\n";
		String before = count("followup_import") + "";
		assertThat(upload("samsyn-demo-projektledare", notLed(), "a.csv", csv.getBytes()).getResponse().getStatus())
			.as("an insats the project leader does not lead").isEqualTo(403);
		assertThat(upload("samsyn-demo-kansli", sodertaljeInsats(), "a.csv", csv.getBytes()).getResponse().getStatus())
			.as("another förbund's insats").isEqualTo(404);
		assertThat(upload("samsyn-demo-styrelse", ips(), "a.csv", csv.getBytes()).getResponse().getStatus())
			.as("a board member sees no personal data").isEqualTo(403);
		assertThat(count("followup_import") + "").isEqualTo(before);

		MvcResult led = upload("samsyn-demo-projektledare", ips(), "a.csv", csv.getBytes());
		assertThat(led.getResponse().getStatus()).isEqualTo(201);
		long id = body(led).get("id").asLong();
		assertThat(mvc.perform(get(API + "/" + id).header("Authorization", "Bearer samsyn-demo-styrelse")).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-projektledare")).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void theImportApiIsInTheOpenApiDocument() throws Exception {
		String doc = text(mvc.perform(get("/v3/api-docs")).andReturn());
		assertThat(doc).contains("/api/v1/associations/{associationCode}/imports")
			.contains("/api/v1/associations/{associationCode}/imports/{id}/mapping")
			.contains("/api/v1/associations/{associationCode}/imports/{id}/commit");
	}

	private String message(String key) {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale() == null ? key
				: messages.getMessage(key, null, java.util.Locale.forLanguageTag("sv"));
	}

	@org.springframework.beans.factory.annotation.Autowired
	private org.springframework.context.MessageSource messages;
}
