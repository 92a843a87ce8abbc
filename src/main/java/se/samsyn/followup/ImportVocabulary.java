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
		for (Referrer referrer : structure.referrers(association.id())) {
			referrerNames.put(String.valueOf(referrer.id()), referrer.name());
			if (referrer.active()) {
				referrers.put(String.valueOf(referrer.id()), referrer.name());
			}
		}
		Map<String, String> districts = new LinkedHashMap<>();
		structure.districts(association.id()).forEach(d -> districts.put(String.valueOf(d.id()), d.name()));
		return new Terms(enrollments.context(association), labels, referrers, referrerNames, districts);
	}

	/**
	 * What the values of one förbund's files are matched against. Every mapped kind has its choices
	 * (value → Swedish label): codes, WOMAN/MAN, true/false, referrer and district ids.
	 */
	record Terms(FollowupContext context, Map<String, Map<String, String>> labels, Map<String, String> referrers,
			Map<String, String> referrerNames, Map<String, String> districts) {
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
				default:
					return byLabel(choices(field), text, field.kind() == ImportField.Kind.CODE || field.kind() == ImportField.Kind.CODES);
			}
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
	}
}
