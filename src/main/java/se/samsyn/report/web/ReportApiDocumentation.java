package se.samsyn.report.web;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.samsyn.report.ProtectedTable;

/**
 * A report's count in the OpenAPI document: a number, or the string {@code "<5"} where a protected count is 1–4,
 * so that a generated client reads both (the Java type of a cell is {@code Object}).
 */
@Configuration(proxyBeanMethods = false)
class ReportApiDocumentation {

	static final String PROTECTED_COUNT = "#/components/schemas/ProtectedCount";

	@Bean
	OpenApiCustomizer protectedCountSchema() {
		StringSchema hidden = new StringSchema();
		hidden._enum(List.of(ProtectedTable.HIDDEN)).description("En skyddad siffra som är 1–4 visas inte")
			// the name of the constant in generated clients, "<5" having none of its own
			.addExtension("x-enum-varnames", List.of("HIDDEN"));
		return openApi -> openApi.getComponents()
			.addSchemas("HiddenCount", hidden)
			.addSchemas("ShownCount", new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)
				.description("Ett antal som visas; skyddade antal är justerade med cellnyckelmetoden"))
			.addSchemas("ProtectedCount", new Schema<>()
				.description("Ett antal: ett heltal, eller \"" + ProtectedTable.HIDDEN + "\" där ett skyddat antal är 1–4")
				.oneOf(List.of(new Schema<>().$ref("#/components/schemas/ShownCount"),
						new Schema<>().$ref("#/components/schemas/HiddenCount"))));
	}
}
