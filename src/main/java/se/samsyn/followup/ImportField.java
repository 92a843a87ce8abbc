package se.samsyn.followup;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a follow-up file may have, in the order Samsyn writes them. Each has the Swedish
 * header Samsyn writes (a file-format constant, like a CSV header, not an interface text), the other
 * headers people use for it, and what kind of value it holds.
 */
public enum ImportField {

	PARTICIPANT_CODE("participantCode", "Deltagarkod", Kind.TEXT, null, "deltagare", "deltagar-id", "deltagarid"),
	PERSONNUMMER("personnummer", "Personnummer", Kind.TEXT, null, "personnr", "pnr", "samordningsnummer",
			"personnummer/samordningsnummer", "person-/samordningsnummer"),
	GENDER("gender", "Kön", Kind.GENDER, null, "juridiskt kön", "kön (juridiskt)"),
	AGE("age", "Ålder", Kind.NUMBER, null, "ålder vid start", "ålder (år)"),
	BIRTH_YEAR("birthYear", "Födelseår", Kind.NUMBER, null, "född år"),
	EDUCATION("education", "Utbildning", Kind.CODE, FollowupCodes.EDUCATION, "utbildningsnivå", "högsta utbildning"),
	TIME_WITHOUT_WORK("timeWithoutWork", "Tid utan arbete", Kind.CODE, FollowupCodes.TIME_WITHOUT_WORK,
			"tid utan arbete/studier", "tid utan sysselsättning", "tid i arbetslöshet"),
	INCOME_SOURCES("incomeSources", "Försörjning", Kind.CODES, FollowupCodes.INCOME_SOURCE, "inkomstkälla", "inkomstkällor",
			"försörjning vid start", "försörjningskälla", "ersättning"),
	OCCUPATION("occupation", "Sysselsättning", Kind.CODE, FollowupCodes.OCCUPATION, "sysselsättning vid start"),
	OCCUPATION_EXTENT("occupationExtent", "Omfattning", Kind.NUMBER, null, "omfattning (%)", "omfattning %",
			"sysselsättningsgrad"),
	REFERRER("referrer", "Anmälande part", Kind.REFERRER, null, "anmälare", "anmälande enhet", "remittent", "anmäld av"),
	REFERRAL_DATE("referralDate", "Anmälningsdatum", Kind.DATE, null, "anmäld", "datum för anmälan"),
	START_DATE("startDate", "Startdatum", Kind.DATE, null, "start", "inskrivningsdatum", "inskriven", "startdatum i insatsen"),
	DISTRICT("district", "Stadsdel", Kind.DISTRICT, null, "område", "stadsdel/område", "stadsdelsområde"),
	CONSENT("consent", "Samtycke", Kind.YES_NO, null, "samtycke finns", "samtycke lämnat"),
	CONSENT_DATE("consentDate", "Samtyckesdatum", Kind.DATE, null, "datum för samtycke"),
	PROTECTED_IDENTITY("protectedIdentity", "Skyddad identitet", Kind.YES_NO, null, "skyddade personuppgifter"),
	BIRTH_REGION("birthRegion", "Född i", Kind.CODE, FollowupCodes.BIRTH_REGION, "födelseregion", "födelseland"),
	DISABILITY("disability", "Funktionsnedsättning", Kind.CODE, FollowupCodes.DISABILITY),
	END_DATE("endDate", "Slutdatum", Kind.DATE, null, "avslutsdatum", "utskrivningsdatum", "avslutad"),
	EXIT_REASON("exitReason", "Avslutsorsak", Kind.CODE, FollowupCodes.EXIT_REASON, "orsak till avslut",
			"anledning till avslut", "avslutsanledning"),
	OCCUPATION_AFTER("occupationAfter", "Sysselsättning efter", Kind.CODE, FollowupCodes.OCCUPATION,
			"sysselsättning vid avslut", "sysselsättning efter avslut"),
	OCCUPATION_AFTER_EXTENT("occupationAfterExtent", "Omfattning efter", Kind.NUMBER, null, "omfattning vid avslut"),
	INCOME_SOURCES_AFTER("incomeSourcesAfter", "Försörjning efter", Kind.CODES, FollowupCodes.INCOME_SOURCE,
			"försörjning vid avslut", "inkomstkälla efter", "inkomstkälla vid avslut", "försörjning efter avslut"),
	GUIDE_SUPPORT("guideSupport", "Lots", Kind.YES_NO, null, "lotsstöd", "stöd av lots");

	/** What a column holds; the value-mapping kinds are matched to codes, units or yes/no. */
	public enum Kind {
		TEXT, NUMBER, DATE, GENDER, YES_NO, CODE, CODES, REFERRER, DISTRICT;

		public boolean mapped() {
			return this == GENDER || this == YES_NO || this == CODE || this == CODES || this == REFERRER || this == DISTRICT;
		}
	}

	/** The target of a column the user chose not to read. */
	public static final String IGNORE = "IGNORE";

	/** Headers Samsyn writes but does not read back (the insats is chosen on upload). */
	static final Set<String> IGNORED_HEADERS = Set.of(normalise("Insats"));

	private static final Map<String, ImportField> BY_HEADER = new HashMap<>();
	private static final Map<String, ImportField> BY_KEY = new HashMap<>();

	static {
		for (ImportField field : values()) {
			BY_KEY.put(field.key, field);
			BY_HEADER.put(normalise(field.header), field);
			BY_HEADER.put(normalise(field.key), field);
			for (String alias : field.aliases) {
				BY_HEADER.put(normalise(alias), field);
			}
		}
		BY_HEADER.put(normalise("Inkomstkälla/försörjning"), INCOME_SOURCES);
		BY_HEADER.put(normalise("Försörjning/inkomstkälla"), INCOME_SOURCES);
		BY_HEADER.put(normalise("Anmälande part/anmälare"), REFERRER);
	}

	private final String key;
	private final String header;
	private final Kind kind;
	private final String codeList;
	private final List<String> aliases;

	ImportField(String key, String header, Kind kind, String codeList, String... aliases) {
		this.key = key;
		this.header = header;
		this.kind = kind;
		this.codeList = codeList;
		this.aliases = List.of(aliases);
	}

	/** The name of the field in the API's mapping and in message keys ({@code import.field.<key>}). */
	public String key() {
		return key;
	}

	/** The Swedish header Samsyn writes in exports and the template. */
	public String header() {
		return header;
	}

	public Kind kind() {
		return kind;
	}

	/** The code list of a coded column, else null. */
	public String codeList() {
		return codeList;
	}

	public static Optional<ImportField> byKey(String key) {
		return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
	}

	/** The field a header names, regardless of case, accents, punctuation at the end and spacing. */
	public static Optional<ImportField> byHeader(String header) {
		return Optional.ofNullable(BY_HEADER.get(normalise(header)));
	}

	/** Lower case without accents (å → a, ö → o), single spaces, no trailing colon or asterisk. */
	public static String normalise(String text) {
		if (text == null) {
			return "";
		}
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replace('\u00A0', ' ').replaceAll("\\s+", " ").replaceAll("[\\s:*]+$", "")
			.strip();
	}
}
