package se.samsyn.access.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.samsyn.platform.ProblemResponses;

/**
 * The OpenAPI document at {@code /v3/api-docs}: every operation takes a personal API token unless it says
 * otherwise, and every error status an operation answers is listed with its problem details. The document is
 * the API's contract, kept as {@code src/test/resources/openapi/samsyn.json}; a test holds the two equal.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String PROBLEM_JSON = "application/problem+json";

	/** The responses every problem status refers to, by status. */
	private static final Map<Integer, String> PROBLEMS = new LinkedHashMap<>();

	static {
		PROBLEMS.put(400, "BadRequest");
		PROBLEMS.put(401, "Unauthorized");
		PROBLEMS.put(403, "Forbidden");
		PROBLEMS.put(404, "NotFound");
		PROBLEMS.put(409, "Conflict");
		PROBLEMS.put(413, "ContentTooLarge");
		PROBLEMS.put(422, "UnprocessableContent");
	}

	@Bean
	OpenAPI samsynApi() {
		return new OpenAPI()
			.info(new Info().title("Samsyn API").version("v1")
				.description("Samsyns REST-API. Skapa en personlig API-nyckel under Mitt konto och skicka den som "
						+ "Authorization: Bearer <nyckel>. Fel returneras som application/problem+json (RFC 9457)."))
			// Relative: the API is where the document was read, whatever host and port an installation has.
			.servers(List.of(new Server().url("/").description("Samsyn-installationen som visar dokumentet")))
			.components(new Components()
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.description("Personlig API-nyckel från Mitt konto"))
				.addSchemas("Problem", problemSchema())
				.addSchemas("ProblemError", problemErrorSchema())
				.responses(problemResponses()))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/** Adds the statuses of {@link ProblemResponses} to the operation, as references to the shared responses. */
	@Bean
	OperationCustomizer problemStatuses() {
		return (operation, handler) -> {
			ProblemResponses statuses = handler.getMethodAnnotation(ProblemResponses.class);
			if (statuses != null) {
				for (int status : statuses.value()) {
					String name = PROBLEMS.get(status);
					if (name == null) {
						throw new IllegalStateException("No problem response for status " + status + " on " + handler);
					}
					responses(operation).addApiResponse(String.valueOf(status),
							new ApiResponse().$ref("#/components/responses/" + name));
				}
			}
			return operation;
		};
	}

	/**
	 * 401 for every operation that takes a token, and tags and responses in order so that the document reads
	 * the same on every start.
	 */
	@Bean
	OpenApiCustomizer unauthorizedAndOrder() {
		return openApi -> {
			if (openApi.getTags() != null) {
				openApi.getTags().sort(Comparator.comparing(Tag::getName));
			}
			openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
			if (operation.getSecurity() == null) {
				responses(operation).addApiResponse("401", new ApiResponse().$ref("#/components/responses/Unauthorized"));
			}
			ApiResponses sorted = new ApiResponses();
			responses(operation).entrySet().stream().sorted(Map.Entry.comparingByKey())
				.forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
			operation.setResponses(sorted);
		}));
		};
	}

	private static ApiResponses responses(Operation operation) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		return operation.getResponses();
	}

	private static Map<String, ApiResponse> problemResponses() {
		Map<String, String> descriptions = Map.of(
				"BadRequest", "Ogiltig begäran: ett värde saknas, har fel form eller ligger utanför det tillåtna; "
						+ "errors säger vilket fält och varför",
				"Unauthorized", "API-nyckel saknas eller gäller inte",
				"Forbidden", "Nyckelns användare har inte den behörigheten i förbundet",
				"NotFound", "Förbundet eller resursen finns inte",
				"Conflict", "Resursens status tillåter inte steget, eller en annan ändring av den pågår",
				"ContentTooLarge", "Filen är större än vad som tas emot",
				"UnprocessableContent", "Begäran går inte att utföra ännu: errors säger vad som återstår, per rad");
		Map<String, ApiResponse> responses = new LinkedHashMap<>();
		PROBLEMS.values().forEach(name -> responses.put(name, new ApiResponse().description(descriptions.get(name))
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
		return responses;
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema()
			.description("Problem details (RFC 9457) med svensk (eller engelsk) titel; aldrig personuppgifter")
			.addProperty("type", new StringSchema().format("uri-reference").example("about:blank"))
			.addProperty("title", new StringSchema().example("Resursen finns inte"))
			.addProperty("status", new IntegerSchema().example(404))
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemError"))
				.description("Fälten (400) eller raderna i en fil (422) som har fel"))
			.additionalProperties(true)
			.required(List.of("title", "status"));
	}

	private static Schema<?> problemErrorSchema() {
		return new ObjectSchema()
			.description("Ett fel: fältet, eller raden och kolumnen i en fil, och meddelandet")
			.addProperty("field", new StringSchema())
			.addProperty("row", new IntegerSchema())
			.addProperty("column", new StringSchema())
			.addProperty("message", new StringSchema())
			.required(List.of("message"));
	}
}
