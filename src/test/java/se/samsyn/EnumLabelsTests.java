package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.samsyn.followup.AnonymousReason;
import se.samsyn.followup.EpisodeFilter;
import se.samsyn.followup.ImportStatus;
import se.samsyn.intervention.FidelityLevel;

/**
 * Every value of the states the pages show has its name in Swedish and in English: a value added to an enum
 * without a label would show the bare message key to the user.
 */
class EnumLabelsTests {

	private static final Map<Class<? extends Enum<?>>, Function<Object, String>> LABELLED = Map.of(
			ImportStatus.class, value -> ((ImportStatus) value).labelKey(),
			AnonymousReason.class, value -> ((AnonymousReason) value).labelKey(),
			EpisodeFilter.class, value -> ((EpisodeFilter) value).labelKey(),
			FidelityLevel.class, value -> ((FidelityLevel) value).labelKey());

	@ParameterizedTest
	@ValueSource(strings = { "sv", "en" })
	void everyValueHasALabelInEachLanguage(String language) throws IOException {
		Properties messages = messages(language);
		List<String> missing = new ArrayList<>();
		LABELLED.forEach((type, key) -> {
			for (Enum<?> value : type.getEnumConstants()) {
				String text = messages.getProperty(key.apply(value));
				if (text == null || text.isBlank()) {
					missing.add(type.getSimpleName() + "." + value.name() + " (" + key.apply(value) + ")");
				}
			}
		});
		assertThat(missing).as("values without a label in messages_" + language).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sv", "en" })
	void theLabelsSayDifferentThingsWithinAnEnum(String language) throws IOException {
		Properties messages = messages(language);
		LABELLED.forEach((type, key) -> {
			List<String> texts = java.util.Arrays.stream(type.getEnumConstants())
				.map(value -> messages.getProperty(key.apply(value))).toList();
			assertThat(texts).as(type.getSimpleName() + " in " + language).doesNotHaveDuplicates();
		});
	}

	/** All message files the application reads for a language, as spring.messages.basename lists them. */
	private static Properties messages(String language) throws IOException {
		Properties application = load("application.properties");
		String basenames = application.getProperty("spring.messages.basename");
		assertThat(basenames).as("spring.messages.basename").isNotBlank();
		Properties messages = new Properties();
		for (String basename : basenames.split(",")) {
			messages.putAll(load(basename.trim() + "_" + language + ".properties"));
		}
		return messages;
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = EnumLabelsTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
