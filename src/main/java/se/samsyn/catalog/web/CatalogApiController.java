package se.samsyn.catalog.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.samsyn.catalog.Catalog;
import se.samsyn.catalog.CatalogEntry;
import se.samsyn.platform.ProblemResponses;

/** The published catalogue as open data: no authentication, cacheable, never anything internal. */
@RestController
@Tag(name = "catalog", description = "Insatskatalogen som öppna data: publicerade insatser, utan inloggning")
class CatalogApiController {

	private static final int MAX_SIZE = 1000;

	private final Catalog catalog;

	CatalogApiController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping(path = "/api/v1/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
	@SecurityRequirements
	@ProblemResponses(400)
	@ApiResponse(responseCode = "200", description = "En sida av katalogen", headers = @Header(name = "X-Total-Count",
			description = "Hur många insatser som matchar, på alla sidor", schema = @Schema(type = "integer")))
	@Operation(operationId = "searchCatalog", summary = "Publicerade insatser; filtrera med q (fritext), district, targetGroup, age och association. "
			+ "Sidor med page (från 0) och size (högst 1000); X-Total-Count säger hur många det finns i allt.")
	ResponseEntity<List<PublicInsats>> catalog(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long district, @RequestParam(required = false) String targetGroup,
			@RequestParam(required = false) Integer age, @RequestParam(required = false) String association,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "1000") int size) {
		var results = catalog.search(new Catalog.Query(q, district, null, targetGroup, age, null, null, association),
				Math.max(page, 0), Math.min(Math.max(size, 1), MAX_SIZE));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.header("X-Total-Count", String.valueOf(results.total()))
			.body(results.entries().stream().map(PublicInsats::of).toList());
	}

	record PublicInsats(long id, String association, String associationName, String name, String summary,
			String forWhom, Integer minAge, Integer maxAge, String whatYouGet, String where, String openingHours,
			String howToGetThere, boolean selfReferral, List<String> referrerKinds, String contact, String languages,
			String accessibility, LocalDate startDate, LocalDate endDate, List<String> districts,
			List<String> municipalities, List<String> targetGroups, String url) {

		static PublicInsats of(CatalogEntry entry) {
			return new PublicInsats(entry.interventionId(), entry.associationCode(), entry.associationName(), entry.title(),
					entry.summary(), entry.forWhom(), entry.minAge(), entry.maxAge(), entry.whatYouGet(), entry.where(),
					entry.openingHours(), entry.howToGetThere(), entry.selfReferral(), entry.referrerKinds(),
					entry.contact(), entry.languages(), entry.accessibility(), entry.startDate(), entry.endDate(),
					entry.districts(), entry.municipalities(), entry.targetGroups(),
					"/katalog/" + entry.associationCode() + "/" + entry.slug());
		}
	}
}
