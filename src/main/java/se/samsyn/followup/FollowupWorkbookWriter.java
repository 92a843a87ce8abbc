package se.samsyn.followup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.samsyn.followup.FollowupViews.EnrollmentDetails;
import se.samsyn.followup.ImportVocabulary.Terms;
import se.samsyn.platform.AssociationRef;

/**
 * Writes the episodes as an xlsx in the layout the import reads back: Swedish headers, labels from
 * the code lists, numbers as numbers and dates as dates. The participant appears by code only.
 * Also the empty template with a sheet of the allowed values per column.
 */
@Component
public class FollowupWorkbookWriter {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");
	private static final String DATE_FORMAT = "yyyy-mm-dd";

	/** The export's columns: the participant's code and the insats, then what the import reads. */
	static final List<ImportField> EXPORTED = List.of(ImportField.GENDER, ImportField.BIRTH_YEAR, ImportField.EDUCATION,
			ImportField.TIME_WITHOUT_WORK, ImportField.INCOME_SOURCES, ImportField.OCCUPATION, ImportField.OCCUPATION_EXTENT,
			ImportField.REFERRER, ImportField.REFERRAL_DATE, ImportField.START_DATE, ImportField.DISTRICT,
			ImportField.CONSENT, ImportField.CONSENT_DATE, ImportField.BIRTH_REGION, ImportField.DISABILITY,
			ImportField.END_DATE, ImportField.EXIT_REASON, ImportField.OCCUPATION_AFTER,
			ImportField.OCCUPATION_AFTER_EXTENT, ImportField.INCOME_SOURCES_AFTER, ImportField.GUIDE_SUPPORT);

	private final Enrollments enrollments;
	private final ImportVocabulary vocabulary;
	private final MessageSource messages;

	FollowupWorkbookWriter(Enrollments enrollments, ImportVocabulary vocabulary, MessageSource messages) {
		this.enrollments = enrollments;
		this.vocabulary = vocabulary;
		this.messages = messages;
	}

	/** The episodes of one insats ({@code interventionId}) or of every insats the user may see (null); audited. */
	public byte[] episodes(AssociationRef association, Long interventionId) {
		List<EnrollmentDetails> rows = enrollments.export(association, interventionId);
		Terms terms = vocabulary.load(association);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Samsyn", "1.0");
			Worksheet sheet = workbook.newWorksheet(text("import.export.sheet"));
			sheet.value(0, 0, ImportField.PARTICIPANT_CODE.header());
			sheet.value(0, 1, "Insats");
			for (int c = 0; c < EXPORTED.size(); c++) {
				sheet.value(0, c + 2, EXPORTED.get(c).header());
			}
			sheet.range(0, 0, 0, EXPORTED.size() + 1).style().bold().set();
			int r = 1;
			for (EnrollmentDetails e : rows) {
				sheet.value(r, 0, e.participantCode());
				sheet.value(r, 1, e.interventionName());
				int c = 2;
				for (ImportField field : EXPORTED) {
					write(sheet, r, c++, field, e, terms);
				}
				r++;
			}
			sheet.freezePane(1, 1);
			sheet.width(0, 12);
			sheet.width(1, 30);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** An empty file with the headers the import recognises, and a second sheet with the allowed values. */
	public byte[] template(AssociationRef association) {
		Terms terms = vocabulary.load(association);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Samsyn", "1.0");
			Worksheet sheet = workbook.newWorksheet(text("import.export.sheet"));
			ImportField[] fields = ImportField.values();
			for (int c = 0; c < fields.length; c++) {
				sheet.value(0, c, fields[c].header());
				sheet.width(c, Math.max(12, fields[c].header().length() + 4));
			}
			sheet.range(0, 0, 0, fields.length - 1).style().bold().set();
			sheet.freezePane(0, 1);
			Worksheet allowed = workbook.newWorksheet(text("import.template.allowed"));
			for (int c = 0; c < fields.length; c++) {
				ImportField field = fields[c];
				allowed.value(0, c, field.header());
				allowed.width(c, 28);
				int r = 1;
				if (field.kind().mapped()) {
					for (String label : terms.choices(field).values()) {
						allowed.value(r++, c, label);
					}
					if (field.kind() == ImportField.Kind.CODES) {
						allowed.value(r, c, text("import.template.several"));
					}
				}
				else {
					allowed.value(r, c, text("import.template.kind." + field.kind().name().toLowerCase(Locale.ROOT)));
				}
			}
			allowed.range(0, 0, 0, fields.length - 1).style().bold().set();
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void write(Worksheet sheet, int r, int c, ImportField field, EnrollmentDetails e, Terms terms) {
		switch (field) {
			case GENDER -> text(sheet, r, c, e.gender() == null ? null : terms.choices(field).get(e.gender().name()));
			case BIRTH_YEAR -> number(sheet, r, c, e.birthYear());
			case EDUCATION -> label(sheet, r, c, terms, field, e.education());
			case TIME_WITHOUT_WORK -> label(sheet, r, c, terms, field, e.timeWithoutWork());
			case INCOME_SOURCES -> labels(sheet, r, c, terms, field, e.incomeSources());
			case OCCUPATION -> label(sheet, r, c, terms, field, e.occupation());
			case OCCUPATION_EXTENT -> number(sheet, r, c, e.occupationExtent());
			case REFERRER -> text(sheet, r, c, e.referrerId() == null ? null : terms.referrerNames().get(String.valueOf(e.referrerId())));
			case REFERRAL_DATE -> date(sheet, r, c, e.referralDate());
			case START_DATE -> date(sheet, r, c, e.startDate());
			case DISTRICT -> text(sheet, r, c, e.districtId() == null ? null : terms.districts().get(String.valueOf(e.districtId())));
			case CONSENT -> sheet.value(r, c, "Ja");
			case CONSENT_DATE -> date(sheet, r, c, e.consentDate());
			case BIRTH_REGION -> label(sheet, r, c, terms, field, e.birthRegion());
			case DISABILITY -> label(sheet, r, c, terms, field, e.disability());
			case END_DATE -> date(sheet, r, c, e.endDate());
			case EXIT_REASON -> label(sheet, r, c, terms, field, e.exitReason());
			case OCCUPATION_AFTER -> label(sheet, r, c, terms, field, e.occupationAfter());
			case OCCUPATION_AFTER_EXTENT -> number(sheet, r, c, e.occupationAfterExtent());
			case INCOME_SOURCES_AFTER -> labels(sheet, r, c, terms, field, e.incomeSourcesAfter());
			case GUIDE_SUPPORT -> text(sheet, r, c, e.guideSupport() == null ? null : e.guideSupport() ? "Ja" : "Nej");
			default -> {
			}
		}
	}

	private static void text(Worksheet sheet, int r, int c, String value) {
		if (value != null) {
			sheet.value(r, c, value);
		}
	}

	private static void label(Worksheet sheet, int r, int c, Terms terms, ImportField field, String code) {
		if (code != null) {
			sheet.value(r, c, terms.choices(field).getOrDefault(code, code));
		}
	}

	private static void labels(Worksheet sheet, int r, int c, Terms terms, ImportField field, List<String> codes) {
		if (codes != null && !codes.isEmpty()) {
			Map<String, String> choices = terms.choices(field);
			sheet.value(r, c, String.join("; ", codes.stream().map(code -> choices.getOrDefault(code, code)).toList()));
		}
	}

	private static void number(Worksheet sheet, int r, int c, Integer value) {
		if (value != null) {
			sheet.value(r, c, value);
		}
	}

	private static void date(Worksheet sheet, int r, int c, LocalDate value) {
		if (value != null) {
			sheet.value(r, c, value);
			sheet.style(r, c).format(DATE_FORMAT).set();
		}
	}

	private String text(String key) {
		return messages.getMessage(key, null, SWEDISH);
	}
}
