package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API contract is a reviewed file: {@code src/test/resources/openapi/samsyn.json}. The build generates the
 * Java client of {@link GeneratedApiClientIntegrationTests} from that file, and this test fails when the running
 * application's {@code /v3/api-docs} says anything else, so that a change of the API is a change of the file.
 * {@code -Dsamsyn.openapi.update=true} writes the application's document over the file.
 */
class OpenApiContractIntegrationTests extends IntegrationTest {

	static final Path CONTRACT = Path.of("src/test/resources/openapi/samsyn.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theApplicationServesTheCommittedContract() throws Exception {
		String served = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode actual = JSON.readTree(served);
		if (Boolean.getBoolean("samsyn.openapi.update")) {
			Files.writeString(CONTRACT, served);
		}
		Path written = Path.of("target/openapi/samsyn.json");
		Files.createDirectories(written.getParent());
		Files.writeString(written, served);
		assertThat(actual)
			.as("/v3/api-docs differs from %s; the served document is in %s. Review the change and run "
					+ "mvn test -Dtest=OpenApiContractIntegrationTests -Dsamsyn.openapi.update=true", CONTRACT, written)
			.isEqualTo(committed());
	}

	private static JsonNode committed() throws IOException {
		return JSON.readTree(Files.readString(CONTRACT));
	}
}
