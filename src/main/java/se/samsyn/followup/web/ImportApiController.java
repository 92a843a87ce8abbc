package se.samsyn.followup.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.followup.FollowupImports;
import se.samsyn.followup.ImportConsent;
import se.samsyn.followup.ImportViews.ConsentAnswer;
import se.samsyn.followup.ImportViews.ImportMapping;
import se.samsyn.followup.ImportViews.ImportView;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.ProblemResponses;
import se.samsyn.platform.ValidationException;

@RestController
@RequestMapping(path = "/api/v1/associations/{associationCode}/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "imports", description = "Import av uppföljningsfiler: deltagare från xlsx- eller CSV-filer: ladda upp, koppla kolumner och värden, granska, spara allt eller inget, ångra")
class ImportApiController {

	private final AccessControl access;
	private final FollowupImports imports;
	private final ImportMessages messages;

	ImportApiController(AccessControl access, FollowupImports imports, ImportMessages messages) {
		this.access = access;
		this.imports = imports;
		this.messages = messages;
	}

	/**
	 * An import as the API shows it; rows are named by number, never by a person. {@code consentColumn} says (while
	 * the import is in review) whether the file has a Samtycke column; without one, {@code consent} and
	 * {@code consentDate} are what the user said for all its rows, null until they have.
	 */
	record ImportResource(long id, long interventionId, String fileName,
			// the import's statuses, still strings in the followup module
			@Schema(allowableValues = { "NEEDS_MAPPING", "PREVIEW", "COMMITTED", "UNDONE", "DISCARDED", "EXPIRED" }) String status,
			int rows, Integer created, int readyRows, List<ImportMessages.RowProblem> errors, int errorCount, List<ImportMessages.RowProblem> warnings,
			int warningCount, List<String> notices, Map<String, String> columns, Map<String, List<String>> unmatchedValues,
			Boolean consentColumn, ImportConsent consent, LocalDate consentDate) {
	}

	/** What holds for all rows of a file without a Samtycke column, given with the commit. */
	record CommitRequest(@Schema(allowableValues = { "ALL_CONSENTED", "NONE" }) String consent,
			@Schema(type = "string", format = "date") String consentDate) {
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Filen är uppladdad och granskad",
			headers = @Header(name = "Location", description = "Importens adress i API:t",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ProblemResponses({ 400, 403, 404, 413 })
	@Operation(operationId = "uploadImport", summary = "Ladda upp en fil (xlsx eller CSV) för en insats; svarar med status PREVIEW eller NEEDS_MAPPING och felen per rad")
	ResponseEntity<ImportResource> upload(@PathVariable String associationCode, @RequestPart(required = false) MultipartFile file,
			@RequestParam(required = false) String interventionId) throws IOException {
		AssociationRef association = association(associationCode);
		Long intervention = interventionId(interventionId);
		ImportView view = imports.upload(association, intervention, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/associations/" + association.code() + "/imports/" + view.id()))
			.body(resource(view));
	}

	@GetMapping("/{id}")
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "getImport", summary = "En import med status, kolumner, okända värden och felen per rad")
	ImportResource get(@PathVariable String associationCode, @PathVariable long id) {
		return resource(imports.get(association(associationCode), id));
	}

	@PutMapping("/{id}/mapping")
	@ProblemResponses({ 400, 403, 404, 409 })
	@Operation(operationId = "mapImport", summary = "Koppla kolumner till fält och värden till koder: {\"columns\": {\"<rubrik>\": \"<fält>|IGNORE\"}, \"values\": {\"<fält>\": {\"<värde>\": \"<kod>\"}}}; "
			+ "ett värde kopplas till en kod eller dess benämning (se getCodeList), till en anmälande parts id eller namn (se listReferrers) "
			+ "eller till en stadsdels id eller namn, skiftläge och mellanslag oviktiga; ett namn som passar flera val vägras (400); "
			+ "en fil utan kolumn Samtycke behöver också \"consent\": \"ALL_CONSENTED\" med \"consentDate\" eller \"NONE\" (bara anonyma starter)")
	ImportResource map(@PathVariable String associationCode, @PathVariable long id, @RequestBody(required = false) ImportMapping mapping) {
		return resource(imports.map(association(associationCode), id, mapping));
	}

	@PostMapping("/{id}/commit")
	@ProblemResponses({ 400, 403, 404, 409, 422 })
	@Operation(operationId = "commitImport", summary = "Spara alla rader i en transaktion; vägras (422) så länge något fel finns, också när en fil utan kolumn "
			+ "Samtycke inte säger consent (här eller i kopplingen); 409 om importen redan sparas eller är sparad")
	ImportResource commit(@PathVariable String associationCode, @PathVariable long id,
			@RequestBody(required = false) CommitRequest request) {
		return resource(imports.commit(association(associationCode), id,
				request == null ? null : new ConsentAnswer(request.consent(), request.consentDate())));
	}

	@DeleteMapping("/{id}")
	@ProblemResponses({ 400, 403, 404, 409 })
	@Operation(operationId = "deleteImport", summary = "Ångra en sparad import (tar bort allt den skapade) eller kasta en som inte sparats")
	ImportResource delete(@PathVariable String associationCode, @PathVariable long id) {
		return resource(imports.remove(association(associationCode), id));
	}

	@ExceptionHandler(FollowupImports.NotReady.class)
	ResponseEntity<ProblemDetail> notReady(FollowupImports.NotReady ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setType(URI.create("about:blank"));
		problem.setTitle(messages.text("import.problem.notReady"));
		problem.setDetail(messages.text("import.problem.notReady.detail", ex.view().errorCount()));
		problem.setProperty("importStatus", ex.view().status());
		problem.setProperty("errors", messages.of(ex.view().errors()));
		problem.setProperty("errorCount", ex.view().errorCount());
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(FollowupImports.WrongStatus.class)
	ResponseEntity<ProblemDetail> wrongStatus(FollowupImports.WrongStatus ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
		problem.setType(URI.create("about:blank"));
		problem.setTitle(messages.text(ex.messageKey()));
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private AssociationRef association(String associationCode) {
		return access.require(associationCode, Permission.VIEW_ASSOCIATION);
	}

	private static Long interventionId(String value) {
		if (value == null || value.isBlank()) {
			throw ValidationException.of("interventionId", "validation.required");
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw ValidationException.of("interventionId", "validation.choice");
		}
	}

	private ImportResource resource(ImportView view) {
		Map<String, String> columns = new LinkedHashMap<>();
		view.columns().forEach(c -> columns.put(c.header(), c.field()));
		Map<String, List<String>> unmatched = new LinkedHashMap<>();
		view.values().stream().filter(v -> v.chosen() == null)
			.forEach(v -> unmatched.computeIfAbsent(v.field(), k -> new java.util.ArrayList<>()).add(v.raw()));
		return new ImportResource(view.id(), view.interventionId(), view.fileName(), view.status().name(), view.rows(),
				view.created(), view.readyRows(), messages.of(view.errors()), view.errorCount(), messages.of(view.warnings()),
				view.warningCount(), view.notices().stream().map(messages::text).toList(), columns, unmatched,
				view.staged() ? view.consent().column() : null, view.consent().decision(), view.consent().date());
	}
}
