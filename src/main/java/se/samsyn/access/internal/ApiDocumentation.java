package se.samsyn.access.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: every operation takes a personal API token. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI samsynApi() {
		return new OpenAPI()
			.info(new Info().title("Samsyn API").version("v1")
				.description("Samsyns REST-API. Skapa en personlig API-nyckel under Mitt konto och skicka den som "
						+ "Authorization: Bearer <nyckel>. Fel returneras som application/problem+json (RFC 9457).")
				.license(new License().name("Öppen källkod")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
