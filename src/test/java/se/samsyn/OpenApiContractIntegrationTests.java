package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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

	@Test
	void everyOperationHasAReadableIdAnAsciiTagAndTypedMediaTypes() throws Exception {
		JsonNode contract = committed();
		Set<String> ids = new HashSet<>();
		List<String> wrong = new ArrayList<>();
		contract.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
			String where = method.getKey().toUpperCase() + " " + path.getKey();
			JsonNode operation = method.getValue();
			String id = operation.path("operationId").asString("");
			if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
				wrong.add(where + ": operationId '" + id + "'");
			}
			operation.path("tags").forEach(tag -> {
				if (!tag.asString().matches("[a-z][a-z-]*")) {
					wrong.add(where + ": tag '" + tag.asString() + "'");
				}
			});
			operation.get("responses").properties().forEach(response -> {
				JsonNode resolved = resolve(contract, response.getValue());
				resolved.path("content").propertyNames().forEach(type -> {
					boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
					if (type.contains("*") || error != type.equals("application/problem+json")) {
						wrong.add(where + ": " + response.getKey() + " as " + type);
					}
				});
			});
			if (operation.path("security").isMissingNode() && operation.path("responses").path("401").isMissingNode()) {
				wrong.add(where + ": takes a token but does not say 401");
			}
		}));
		assertThat(contract.toString()).as("base64 instead of a file").doesNotContain("\"format\":\"byte\"");
		contract.path("tags").forEach(tag -> assertThat(tag.path("description").asString()).as(tag.toString()).isNotBlank());
		assertThat(wrong).isEmpty();
	}

	/**
	 * springdoc names a schema by the record's simple name and silently keeps one of two records with the same
	 * name, so a client then reads the wrong fields: every record the API takes or returns has its own name.
	 */
	@Test
	void everyRecordOfTheApiHasItsOwnSchemaName(@Autowired @Qualifier("requestMappingHandlerMapping")
			RequestMappingHandlerMapping mappings) {
		Map<String, Set<String>> records = new TreeMap<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (info.getPatternValues().stream().anyMatch(pattern -> pattern.startsWith("/api/"))) {
				List<Type> types = new ArrayList<>();
				types.add(handler.getReturnType().getGenericParameterType());
				for (MethodParameter parameter : handler.getMethodParameters()) {
					if (parameter.hasParameterAnnotation(RequestBody.class)) {
						types.add(parameter.getGenericParameterType());
					}
				}
				types.forEach(type -> collect(type, records, new HashSet<>()));
			}
		});
		assertThat(records).containsKeys("AssociationBudget", "InterventionBudget", "TargetFulfilmentResource", "RowResource");
		assertThat(records.entrySet().stream().filter(entry -> entry.getValue().size() > 1).toList()).isEmpty();
	}

	private static void collect(Type type, Map<String, Set<String>> records, Set<Type> seen) {
		if (!seen.add(type)) {
			return;
		}
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				collect(argument, records, seen);
			}
			collect(parameterized.getRawType(), records, seen);
		}
		else if (type instanceof Class<?> type_ && type_.isRecord()) {
			io.swagger.v3.oas.annotations.media.Schema schema = type_.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
			String name = schema != null && !schema.name().isEmpty() ? schema.name() : type_.getSimpleName();
			records.computeIfAbsent(name, key -> new TreeSet<>()).add(type_.getName());
			for (RecordComponent component : type_.getRecordComponents()) {
				collect(component.getGenericType(), records, seen);
			}
		}
	}

	private static JsonNode resolve(JsonNode contract, JsonNode response) {
		String ref = response.path("$ref").asString("");
		return ref.isEmpty() ? response : contract.at(ref.substring(1));
	}

	private static JsonNode committed() throws IOException {
		return JSON.readTree(Files.readString(CONTRACT));
	}
}
