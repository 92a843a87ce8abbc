package se.samsyn.followup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.samsyn.association.AssociationStructure;
import se.samsyn.association.AssociationViews.Referrer;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.CodeLists;

/** Loads, once per import, what a file's values are matched against: codes with their labels, referring units and districts. */
@Component
class ImportVocabulary {

	private final Enrollments enrollments;
	private final CodeLists codeLists;
	private final AssociationStructure structure;

	ImportVocabulary(Enrollments enrollments, CodeLists codeLists, AssociationStructure structure) {
		this.enrollments = enrollments;
		this.codeLists = codeLists;
		this.structure = structure;
	}

	Terms load(AssociationRef association) {
		Map<String, Map<String, String>> labels = new HashMap<>();
		for (String list : FollowupCodes.ALL) {
			labels.put(list, codeLists.labels(list, association.id(), Locale.forLanguageTag("sv")));
		}
		Map<String, String> referrers = new LinkedHashMap<>();
		Map<String, String> referrerNames = new LinkedHashMap<>();
		Map<String, String> referrerMembers = new LinkedHashMap<>();
		Map<String, String> unitNotStated = new LinkedHashMap<>();
		for (Referrer referrer : structure.referrers(association.id())) {
			referrerNames.put(String.valueOf(referrer.id()), referrer.name());
			if (referrer.active()) {
				referrers.put(String.valueOf(referrer.id()), referrer.name());
				if (referrer.memberName() != null && referrer.unitStated()) {
					referrerMembers.put(String.valueOf(referrer.id()), referrer.memberName());
				}
				else if (referrer.memberName() != null) {
					unitNotStated.put(referrer.memberName(), String.valueOf(referrer.id()));
				}
			}
		}
		Map<String, String> districts = new LinkedHashMap<>();
		structure.districts(association.id()).forEach(d -> districts.put(String.valueOf(d.id()), d.name()));
		return new Terms(enrollments.context(association), labels, referrers, referrerNames, referrerMembers, unitNotStated,
				districts);
	}

	/**
	 * What the values of one förbund's files are matched against. Every mapped kind has its choices
	 * (value → Swedish label): codes, WOMAN/MAN, true/false, referrer and district ids; and the member of each active
	 * referring unit with a stated unit (unit id → member name), so that a file naming the member finds its only unit;
	 * and each member's own "unit not stated" entry (member name → its id), for a member with several units.
	 */
	record Terms(FollowupContext context, Map<String, Map<String, String>> labels, Map<String, String> referrers,
			Map<String, String> referrerNames, Map<String, String> referrerMembers, Map<String, String> unitNotStated,
			Map<String, String> districts) {

		/** How close a text must be to a choice for Samsyn to propose it. */
		static final double PROPOSAL_THRESHOLD = 0.6;

		private static final Map<String, String> YES_NO = ordered("true", "Ja", "false", "Nej");
		private static final Map<String, String> GENDERS = ordered("WOMAN", "Kvinna", "MAN", "Man");

		private static Map<String, String> ordered(String... pairs) {
			Map<String, String> map = new LinkedHashMap<>();
			for (int i = 0; i < pairs.length; i += 2) {
				map.put(pairs[i], pairs[i + 1]);
			}
			return java.util.Collections.unmodifiableMap(map);
		}

		/** The choices of a mapped field, in their order: value → label. */
		Map<String, String> choices(ImportField field) {
			return switch (field.kind()) {
				case GENDER -> GENDERS;
				case YES_NO -> YES_NO;
				case REFERRER -> referrers;
				case DISTRICT -> districts;
				case CODE, CODES -> labels.getOrDefault(field.codeList(), Map.of());
				default -> Map.of();
			};
		}

		/**
		 * The choices a value in a user's mapping names: the choice whose own value (id or code) it is, else every
		 * choice whose label it is — or, for a code list, whose code — case and spacing aside. One is a match, none
		 * is unknown, more than one is ambiguous.
		 */
		List<String> named(ImportField field, String value) {
			Map<String, String> choices = choices(field);
			if (choices.containsKey(value)) {
				return List.of(value);
			}
			String wanted = loose(value);
			boolean codes = field.kind() != ImportField.Kind.REFERRER && field.kind() != ImportField.Kind.DISTRICT;
			List<String> named = new ArrayList<>();
			choices.forEach((choice, label) -> {
				if (loose(label).equals(wanted) || codes && loose(choice).equals(wanted)) {
					named.add(choice);
				}
			});
			return named;
		}

		private static String loose(String text) {
			return text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.forLanguageTag("sv"));
		}

		/** What a cell's text means in a mapped field, if it can be told without asking the user. */
		Optional<String> match(ImportField field, String raw) {
			String text = raw.strip();
			switch (field.kind()) {
				case GENDER:
					Gender gender = Gender.parse(text);
					return Optional.ofNullable(gender == null ? null : gender.name());
				case YES_NO:
					return yesNo(text);
				case REFERRER:
					return referrer(text);
				case DISTRICT:
					return district(text);
				case CODE, CODES:
					return code(field.codeList(), text);
				default:
					return Optional.empty();
			}
		}

		/** A code by its code or label, a synonym from the list's file, or for time spans the band its bounds lie in. */
		private Optional<String> code(String list, String text) {
			Map<String, String> choices = labels.getOrDefault(list, Map.of());
			if (FollowupCodes.TIME_WITHOUT_WORK.equals(list) && ValueWords.span(text) != null) {
				// Read by its bounds only: "mer än 1 år" is the start of a band's label but spans several.
				return band(choices, text);
			}
			Optional<String> byLabel = byLabel(choices, text, true);
			if (byLabel.isPresent()) {
				return byLabel;
			}
			ValueWords.Synonyms synonyms = ValueWords.synonyms(list);
			Optional<String> byKey = byKey(choices, text, synonyms.ignored(), true);
			if (byKey.isPresent()) {
				return byKey;
			}
			String synonym = synonyms.code(text);
			if (synonym != null && choices.containsKey(synonym)) {
				return Optional.of(synonym);
			}
			return Optional.empty();
		}

		/** The band of time whose label's bounds hold the span the text writes, when exactly one does. */
		private static Optional<String> band(Map<String, String> choices, String text) {
			ValueWords.Span span = ValueWords.span(text);
			if (span == null) {
				return Optional.empty();
			}
			List<String> within = new ArrayList<>();
			choices.forEach((code, label) -> {
				ValueWords.Span band = ValueWords.span(label);
				if (band != null && span.within(band)) {
					within.add(code);
				}
			});
			return within.size() == 1 ? Optional.of(within.get(0)) : Optional.empty();
		}

		/**
		 * A referring unit by its name (with or without a district's prefix) or by another way of writing it; a
		 * member's name (or abbreviation) stands for its unit when the member has exactly one active unit, and for
		 * the member's own "unit not stated" entry when it has several: the file says the member, not which unit.
		 */
		private Optional<String> referrer(String text) {
			String wanted = ImportField.normalise(text);
			for (Map.Entry<String, String> unit : referrers.entrySet()) {
				if (ImportField.normalise(unit.getValue()).equals(wanted)) {
					return Optional.of(unit.getKey());
				}
			}
			ValueWords.Synonyms synonyms = ValueWords.synonyms("REFERRER");
			String name = synonyms.code(text);
			List<String> written = name == null ? List.of(text) : List.of(text, name);
			for (String each : written) {
				Optional<String> unit = byKey(referrers, each, synonyms.ignored(), false);
				if (unit.isPresent() && !unitNotStated.containsValue(unit.get())) {
					return unit;
				}
				List<String> units = unitsOfMember(each, synonyms);
				if (units.size() == 1) {
					return Optional.of(units.get(0));
				}
				if (units.size() > 1) {
					return memberNamed(each, synonyms).map(unitNotStated::get);
				}
			}
			return byLabel(referrers, text, false);
		}

		/** The member a text names, as the förbund spells it. */
		private Optional<String> memberNamed(String text, ValueWords.Synonyms synonyms) {
			String key = ValueWords.looseKey(text, synonyms.ignored());
			return referrerMembers.values().stream().filter(m -> ValueWords.looseKey(m, synonyms.ignored()).equals(key))
				.findFirst();
		}

		/** The active units of the member a text names (empty when it names none). */
		private List<String> unitsOfMember(String text, ValueWords.Synonyms synonyms) {
			String key = ValueWords.looseKey(text, synonyms.ignored());
			if (key.isEmpty()) {
				return List.of();
			}
			List<String> units = new ArrayList<>();
			referrerMembers.forEach((unit, member) -> {
				if (ValueWords.looseKey(member, synonyms.ignored()).equals(key)) {
					units.add(unit);
				}
			});
			return units;
		}

		/** Whether a text names a member with more than one active unit: then only a person can tell which. */
		private boolean namesMemberOfSeveralUnits(String text) {
			ValueWords.Synonyms synonyms = ValueWords.synonyms("REFERRER");
			String name = synonyms.code(text);
			return unitsOfMember(text, synonyms).size() > 1 || name != null && unitsOfMember(name, synonyms).size() > 1;
		}

		/** A district by its name, with or without its usual prefix ("SDF Södermalm", "Södermalms stadsdelsförvaltning"). */
		private Optional<String> district(String text) {
			Optional<String> byLabel = byLabel(districts, text, false);
			if (byLabel.isPresent()) {
				return byLabel;
			}
			return byKey(districts, text, ValueWords.synonyms("DISTRICT").ignored(), false);
		}

		/**
		 * The choice Samsyn proposes for a text it could not match: the closest label or synonym by words and letters,
		 * when it is close enough and closer than any other. A proposal is only shown; it holds once a person confirms it.
		 */
		Optional<String> propose(ImportField field, String raw) {
			String text = raw.strip();
			Map<String, String> choices = choices(field);
			ValueWords.Synonyms synonyms = switch (field.kind()) {
				case CODE, CODES -> ValueWords.synonyms(field.codeList());
				case REFERRER -> ValueWords.synonyms("REFERRER");
				case DISTRICT -> ValueWords.synonyms("DISTRICT");
				default -> null;
			};
			if (synonyms == null || text.isEmpty() || field.kind() == ImportField.Kind.REFERRER && namesMemberOfSeveralUnits(text)) {
				return Optional.empty();
			}
			String best = null;
			double bestScore = 0;
			double second = 0;
			for (Map.Entry<String, String> choice : choices.entrySet()) {
				List<String> names = new ArrayList<>();
				names.add(choice.getValue());
				names.addAll(synonyms.names().getOrDefault(field.kind() == ImportField.Kind.REFERRER ? choice.getValue()
						: choice.getKey(), List.of()));
				double score = 0;
				for (String name : names) {
					score = Math.max(score, ValueWords.closeness(text, name, synonyms.ignored()));
				}
				if (score > bestScore) {
					second = bestScore;
					bestScore = score;
					best = choice.getKey();
				}
				else if (score > second) {
					second = score;
				}
			}
			return bestScore >= PROPOSAL_THRESHOLD && bestScore > second ? Optional.ofNullable(best) : Optional.empty();
		}

		static Optional<String> yesNo(String text) {
			switch (ImportField.normalise(text)) {
				case "ja", "j", "yes", "y", "x", "1", "true", "sant":
					return Optional.of("true");
				case "nej", "n", "no", "0", "false", "falskt":
					return Optional.of("false");
				default:
					return Optional.empty();
			}
		}

		/** The choice whose code or label is the text (case, accents and spacing aside), or whose label alone starts with it. */
		private static Optional<String> byLabel(Map<String, String> choices, String text, boolean codes) {
			String wanted = ImportField.normalise(text);
			if (wanted.isEmpty()) {
				return Optional.empty();
			}
			List<String> starting = new ArrayList<>();
			for (Map.Entry<String, String> choice : choices.entrySet()) {
				String label = ImportField.normalise(choice.getValue());
				if (label.equals(wanted) || codes && ImportField.normalise(choice.getKey()).equals(wanted)) {
					return Optional.of(choice.getKey());
				}
				if (wanted.length() >= 4 && label.startsWith(wanted)) {
					starting.add(choice.getKey());
				}
			}
			return starting.size() == 1 ? Optional.of(starting.get(0)) : Optional.empty();
		}

		/** The choice whose words (fillers and the list's ignored words aside, and a genitive s) are the text's. */
		private static Optional<String> byKey(Map<String, String> choices, String text, java.util.Set<String> ignored,
				boolean codes) {
			String wanted = ValueWords.key(text, ignored);
			if (wanted.isEmpty()) {
				return Optional.empty();
			}
			for (Map.Entry<String, String> choice : choices.entrySet()) {
				if (ValueWords.key(choice.getValue(), ignored).equals(wanted) || codes && ValueWords.key(choice.getKey(), ignored).equals(wanted)) {
					return Optional.of(choice.getKey());
				}
			}
			String loose = ValueWords.looseKey(text, ignored);
			List<String> found = new ArrayList<>();
			for (Map.Entry<String, String> choice : choices.entrySet()) {
				if (ValueWords.looseKey(choice.getValue(), ignored).equals(loose)) {
					found.add(choice.getKey());
				}
			}
			return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
		}
	}
}
