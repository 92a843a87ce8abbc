package se.samsyn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every event and record kind of the audit log reads in Swedish and in English, and no label is left over. */
class AuditLabelsTests {

	@ParameterizedTest
	@ValueSource(strings = { "sv", "en" })
	void everyActionAndKindHasALabel(String language) {
		ResourceBundle labels = ResourceBundle.getBundle("i18n/audit", Locale.forLanguageTag(language));
		Stream.of(AuditAction.values()).forEach(action -> assertThat(labels.containsKey(action.labelKey()))
			.as("%s in %s", action.labelKey(), language).isTrue());
		Stream.of(AuditTarget.values()).forEach(target -> assertThat(labels.containsKey(target.labelKey()))
			.as("%s in %s", target.labelKey(), language).isTrue());
		labels.keySet().stream().filter(key -> key.startsWith("audit.action.")).forEach(key -> assertThat(
				AuditAction.of(key.substring("audit.action.".length()))).as("%s names an action", key).isNotNull());
		labels.keySet().stream().filter(key -> key.startsWith("audit.target.")).forEach(key -> assertThat(
				AuditTarget.of(key.substring("audit.target.".length()))).as("%s names a kind", key).isNotNull());
	}

	@ParameterizedTest
	@ValueSource(strings = { "intervention", "INTERVENTION", " Intervention " })
	void aKindStoredInAnyCaseIsTheSameKind(String stored) {
		assertThat(AuditTarget.of(stored)).isEqualTo(AuditTarget.INTERVENTION);
	}
}
