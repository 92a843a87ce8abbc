package se.samsyn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The import case of the benchmark suite: a generated follow-up xlsx through the import API end to end
 * (upload with its preview, then commit), against a plain JDBC batch insert of the same rows as the
 * baseline, in the same run. Each import is undone again afterwards (not measured).
 */
final class ImportCase {

	private static final String API = "/api/v1/associations/stockholm/imports";
	private static final String TOKEN = "Bearer samsyn-demo-kansli";
	private static final String[] EDUCATION = { "Förgymnasial utbildning 9 år", "Gymnasial utbildning 3 år",
			"Eftergymnasial utbildning kortare än 3 år", "Uppgift saknas" };
	private static final String[] TIME = { "Kortare än 6 månader", "6–12 månader", "Mer än 1 år, högst 2 år", "Mer än 5 år" };
	private static final String[] INCOME = { "Sjukersättning", "Aktivitetsersättning; Ekonomiskt bistånd", "Lön", "A-kassa" };
	private static final String[] REFERRERS = { "Försäkringskassan", "Arbetsförmedlingen", "Jobbtorg Stockholm",
			"Södermalms psykosmottagning" };
	private static final String[] EXIT = { "Arbete", "Studier", "Ohälsa", "Flytt" };

	/** Medians of the phases and of the baseline, in milliseconds, and the file's size. */
	record Result(int rows, int kilobytes, Timings upload, Timings commit, Timings total, Timings baseline) {
	}

	private final MockMvc mvc;
	private final JdbcTemplate plain;
	private final long association;
	private final long intervention;
	private final int rows;

	ImportCase(MockMvc mvc, DataSource dataSource, int rows) {
		this.mvc = mvc;
		this.plain = new JdbcTemplate(dataSource);
		this.association = plain.queryForObject("select id from association where code = 'stockholm'", Long.class);
		this.intervention = plain.queryForObject("select id from intervention where name = 'Integrering av IPS i psykosvården'",
				Long.class);
		this.rows = rows;
	}

	Result measure(int warmup, int runs) throws Exception {
		byte[] xlsx = workbook();
		for (int i = 0; i < warmup; i++) {
			runImport(xlsx, new double[2]);
			baseline();
		}
		double[] upload = new double[runs];
		double[] commit = new double[runs];
		double[] total = new double[runs];
		double[] batch = new double[runs];
		for (int i = 0; i < runs; i++) {
			double[] phases = new double[2];
			runImport(xlsx, phases);
			upload[i] = phases[0];
			commit[i] = phases[1];
			total[i] = phases[0] + phases[1];
			batch[i] = baseline();
		}
		return new Result(rows, xlsx.length / 1024, sorted(upload), sorted(commit), sorted(total), sorted(batch));
	}

	private static Timings sorted(double[] millis) {
		Arrays.sort(millis);
		return new Timings(millis);
	}

	private void runImport(byte[] xlsx, double[] phases) throws Exception {
		long start = System.nanoTime();
		var uploaded = mvc.perform(multipart(API).file(new MockMultipartFile("file", "bench.xlsx", "application/octet-stream", xlsx))
			.param("interventionId", String.valueOf(intervention)).header("Authorization", TOKEN)).andReturn().getResponse();
		phases[0] = (System.nanoTime() - start) / 1_000_000.0;
		String body = uploaded.getContentAsString();
		assertThat(uploaded.getStatus()).as(body.length() > 500 ? body.substring(0, 500) : body).isEqualTo(201);
		assertThat(body).contains("\"status\":\"PREVIEW\"").contains("\"errorCount\":0");
		String id = body.replaceAll("(?s)^.*?\"id\":(\\d+).*$", "$1");
		start = System.nanoTime();
		var committed = mvc.perform(post(API + "/" + id + "/commit").header("Authorization", TOKEN)).andReturn().getResponse();
		phases[1] = (System.nanoTime() - start) / 1_000_000.0;
		assertThat(committed.getContentAsString()).contains("\"created\":" + rows);
		mvc.perform(delete(API + "/" + id).header("Authorization", TOKEN));
	}

	/** The same rows by plain batch inserts; removed again afterwards. */
	private double baseline() {
		OffsetDateTime now = OffsetDateTime.now();
		long start = System.nanoTime();
		List<Object[]> participants = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			participants.add(new Object[] { association, "B-" + i, 1960 + i % 40, i % 2 == 0 ? "WOMAN" : "MAN", now });
		}
		plain.batchUpdate("insert into participant (association_id, code, birth_year, gender, created_at) values (?, ?, ?, ?, ?)",
				participants);
		List<Long> ids = plain.queryForList("select id from participant where association_id = ? and code like 'B-%' order by id",
				Long.class, association);
		List<Object[]> enrollments = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			LocalDate startDate = LocalDate.of(2024, 1, 1).plusDays(i % 300);
			enrollments.add(new Object[] { association, intervention, ids.get(i), i % 2 == 0 ? "WOMAN" : "MAN", 1960 + i % 40,
					startDate, "1", startDate, "UPPER_SECONDARY_3", "OVER_5_YEARS", "NONE",
					i % 10 < 3 ? startDate.plusDays(30) : null, i % 10 < 3 ? "WORK" : null, now, now });
		}
		plain.batchUpdate("""
				insert into enrollment (association_id, intervention_id, participant_id, gender, birth_year, consent_date,
				  consent_version, start_date, education, time_without_work, occupation, end_date, exit_reason, created_at,
				  updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", enrollments);
		List<Long> episodes = plain.queryForList("""
				select e.id from enrollment e join participant p on p.id = e.participant_id
				 where p.association_id = ? and p.code like 'B-%'""", Long.class, association);
		List<Object[]> income = new ArrayList<>();
		episodes.forEach(e -> income.add(new Object[] { e, "START", "SALARY" }));
		plain.batchUpdate("insert into enrollment_income (enrollment_id, phase, code) values (?, ?, ?)", income);
		double millis = (System.nanoTime() - start) / 1_000_000.0;
		plain.update("""
				delete from enrollment_income where enrollment_id in (select e.id from enrollment e
				  join participant p on p.id = e.participant_id where p.association_id = ? and p.code like 'B-%')""", association);
		plain.update("delete from enrollment where participant_id in (select id from participant where association_id = ? and code like 'B-%')",
				association);
		plain.update("delete from participant where association_id = ? and code like 'B-%'", association);
		return millis;
	}

	private byte[] workbook() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Bench", "1.0");
		Worksheet sheet = workbook.newWorksheet("Deltagare");
		String[] headers = { "Personnummer", "Kön", "Födelseår", "Utbildning", "Tid utan arbete", "Försörjning",
				"Sysselsättning", "Anmälande part", "Samtycke", "Startdatum", "Slutdatum", "Avslutsorsak", "Omfattning" };
		for (int c = 0; c < headers.length; c++) {
			sheet.value(0, c, headers[c]);
		}
		for (int i = 0; i < rows; i++) {
			int r = i + 1;
			LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i);
			LocalDate start = LocalDate.of(2024, 1, 1).plusDays(i % 300);
			if (i % 2 == 0) {
				sheet.value(r, 0, personnummer(birth, (i * 7) % 1000));
				if (i % 25 == 0) {
					// Without consent only legal gender and the start date are kept, so the gender column is filled in.
					sheet.value(r, 1, (i * 7) % 1000 % 2 == 0 ? "Kvinna" : "Man");
				}
			}
			else {
				sheet.value(r, 1, i % 4 == 1 ? "K" : "Man");
				sheet.value(r, 2, birth.getYear());
			}
			sheet.value(r, 3, EDUCATION[i % EDUCATION.length]);
			sheet.value(r, 4, TIME[i % TIME.length]);
			sheet.value(r, 5, INCOME[i % INCOME.length]);
			sheet.value(r, 6, "Ingen sysselsättning");
			sheet.value(r, 7, REFERRERS[i % REFERRERS.length]);
			sheet.value(r, 8, i % 25 == 0 ? "Nej" : "Ja");
			sheet.value(r, 12, i % 101);
			sheet.value(r, 9, start);
			sheet.style(r, 9).format("yyyy-mm-dd").set();
			if (i % 10 < 3 && i % 25 != 0) {
				sheet.value(r, 10, start.plusDays(60));
				sheet.style(r, 10).format("yyyy-mm-dd").set();
				sheet.value(r, 11, EXIT[i % EXIT.length]);
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	private static String personnummer(LocalDate birth, int serial) {
		String nine = String.format("%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth(), serial);
		for (int check = 0; check < 10; check++) {
			String ten = nine + check;
			int sum = 0;
			for (int d = 0; d < 10; d++) {
				int digit = (ten.charAt(d) - '0') * (d % 2 == 0 ? 2 : 1);
				sum += digit > 9 ? digit - 9 : digit;
			}
			if (sum % 10 == 0) {
				return birth.getYear() + ten.substring(2, 6) + "-" + ten.substring(6);
			}
		}
		throw new IllegalStateException();
	}
}
