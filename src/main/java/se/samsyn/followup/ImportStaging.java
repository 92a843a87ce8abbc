package se.samsyn.followup;

import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import se.samsyn.followup.FollowupWorkbookReader.ParsedFile;
import se.samsyn.platform.SecretBox;

/**
 * Keeps a file's rows between upload and commit: as JSON, encrypted (the rows hold personnummer).
 * The uploaded file itself is never stored.
 */
@Component
class ImportStaging {

	static final String PURPOSE = "followup.import";
	private static final TypeReference<Map<String, String>> COLUMNS = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, Map<String, String>>> VALUES = new TypeReference<>() {
	};

	private final SecretBox secrets;
	private final JsonMapper json = JsonMapper.builder().build();

	ImportStaging(SecretBox secrets) {
		this.secrets = secrets;
	}

	String seal(ParsedFile file) {
		return secrets.encrypt(json.writeValueAsString(file), PURPOSE);
	}

	ParsedFile open(String sealed) {
		return json.readValue(secrets.decrypt(sealed, PURPOSE), ParsedFile.class);
	}

	String identityCipher(Personnummer identity) {
		return secrets.encrypt(identity.canonical(), Enrollments.IDENTITY_PURPOSE);
	}

	String write(Object mapping) {
		return json.writeValueAsString(mapping);
	}

	ImportChecker.Mapping mapping(String columns, String values) {
		return new ImportChecker.Mapping(columns == null ? Map.of() : json.readValue(columns, COLUMNS),
				values == null ? Map.of() : json.readValue(values, VALUES));
	}
}
