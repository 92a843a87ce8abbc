package se.samsyn.followup.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.samsyn.followup.EnrollmentId;
import se.samsyn.followup.Enrollments;
import se.samsyn.followup.ExitForm;
import se.samsyn.followup.FollowupViews.EnrollmentDetails;
import se.samsyn.followup.FollowupViews.ListFilter;
import se.samsyn.followup.Gender;
import se.samsyn.followup.ParticipantScope;
import se.samsyn.followup.StartForm;
import se.samsyn.intervention.InterventionId;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.ProblemResponses;

/**
 * An insats' participants over the API: list, register a start, register an exit. Only for the
 * kansli and the insats' project leaders; participants appear by their pseudonymous code, and a
 * personnummer given at start is never returned.
 */
@RestController
@RequestMapping(path = "/api/v1/associations/{associationCode}/interventions/{interventionId}/enrollments",
		produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "enrollments", description = "Deltagare: deltagarnas perioder i en insats, start, avslut och bakgrundsuppgifter")
class EnrollmentApiController {

	private final ParticipantScope scope;
	private final Enrollments enrollments;

	EnrollmentApiController(ParticipantScope scope, Enrollments enrollments) {
		this.scope = scope;
		this.enrollments = enrollments;
	}

	@GetMapping
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "listEnrollments", summary = "Insatsens deltagarperioder, valfritt pågående (ONGOING) eller avslutade (ENDED) och aktiva inom en period "
			+ "(from, to: ÅÅÅÅ-MM-DD); ett okänt värde ger 400 med parameterns namn")
	List<EnrollmentSummary> list(@PathVariable String associationCode, @PathVariable long interventionId,
			@RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = { "ONGOING", "ENDED" })) String status,
			@RequestParam(required = false) @Parameter(schema = @Schema(type = "string", format = "date")) String from,
			@RequestParam(required = false) @Parameter(schema = @Schema(type = "string", format = "date")) String to) {
		AssociationRef association = scope.association(associationCode);
		ListFilter filter = ListFilter.of(status, from, to);
		return enrollments.list(association, new InterventionId(interventionId), filter).stream()
			.map(row -> new EnrollmentSummary(row.id(), row.participantId(), row.participantCode(), row.gender(),
					row.birthYear(), row.startDate(), row.endDate(), row.exitReason(), row.missing()))
			.toList();
	}

	@GetMapping("/{enrollmentId}")
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "getEnrollment", summary = "En deltagarperiod med alla uppgifter")
	EnrollmentResource get(@PathVariable String associationCode, @PathVariable long interventionId,
			@PathVariable long enrollmentId) {
		AssociationRef association = scope.association(associationCode);
		return EnrollmentResource.of(inIntervention(enrollments.get(association, new EnrollmentId(enrollmentId)), interventionId));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Starten är registrerad",
			headers = @Header(name = "Location", description = "Deltagarperiodens adress; saknas när starten bara räknas anonymt",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "startEnrollment", summary = "Registrera en start. Utan samtycke eller med skyddad identitet räknas starten bara anonymt (kön och datum).")
	ResponseEntity<StartResponse> create(@PathVariable String associationCode, @PathVariable long interventionId,
			@RequestBody StartRequest request) {
		AssociationRef association = scope.association(associationCode);
		var result = enrollments.start(association, new InterventionId(interventionId), request.form());
		if (result.anonymous()) {
			return ResponseEntity.status(HttpStatus.CREATED).body(new StartResponse(null, null, true, result.warnings(), null));
		}
		EnrollmentDetails details = enrollments.get(association, result.enrollmentId());
		return ResponseEntity.created(URI.create("/api/v1/associations/" + association.code() + "/interventions/"
				+ interventionId + "/enrollments/" + result.enrollmentId().value()))
			.body(new StartResponse(result.enrollmentId().value(), details.participantCode(), false, result.warnings(),
					EnrollmentResource.of(details)));
	}

	@PostMapping("/{enrollmentId}/end")
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "endEnrollment", summary = "Registrera avslut: slutdatum, avslutsorsak, sysselsättning och försörjning efter, stöd av lots")
	EnrollmentResource end(@PathVariable String associationCode, @PathVariable long interventionId,
			@PathVariable long enrollmentId, @RequestBody ExitRequest request) {
		AssociationRef association = scope.association(associationCode);
		inIntervention(enrollments.visibleDetails(association, new EnrollmentId(enrollmentId)), interventionId);
		enrollments.end(association, new EnrollmentId(enrollmentId), new ExitForm(request.endDate(), request.exitReason(),
				request.occupationAfter(), text(request.occupationAfterExtent()), request.incomeSourcesAfter(),
				request.guideSupport() == null ? null : request.guideSupport().toString()));
		return EnrollmentResource.of(enrollments.get(association, new EnrollmentId(enrollmentId)));
	}

	private static EnrollmentDetails inIntervention(EnrollmentDetails details, long interventionId) {
		if (details.interventionId() != interventionId) {
			throw new NotFoundException();
		}
		return details;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** A start: identity (personnummer, or legal gender and birth year), consent and the background at start. */
	record StartRequest(Long participantId, String personnummer, String gender, Integer birthYear, Boolean consent,
			Boolean protectedIdentity, String consentDate, String consentVersion, String referralDate, Long referrerId,
			String startDate, Long districtId, String education, String timeWithoutWork, List<String> incomeSources,
			String occupation, Integer occupationExtent, String birthRegion, String disability) {

		StartForm form() {
			return new StartForm(text(participantId), personnummer, gender, text(birthYear),
					consent == null ? null : consent.toString(), protectedIdentity == null ? "" : protectedIdentity.toString(),
					consentDate, consentVersion, referralDate, text(referrerId), startDate, text(districtId), education,
					timeWithoutWork, incomeSources, occupation, text(occupationExtent), birthRegion, disability);
		}
	}

	record ExitRequest(String endDate, String exitReason, String occupationAfter, Integer occupationAfterExtent,
			List<String> incomeSourcesAfter, Boolean guideSupport) {
	}

	record StartResponse(Long id, String participantCode, boolean anonymous, List<String> warnings,
			EnrollmentResource enrollment) {
	}

	record EnrollmentSummary(long id, long participantId, String participantCode, Gender gender, Integer birthYear,
			LocalDate startDate, LocalDate endDate, String exitReason, List<String> missing) {
	}

	record EnrollmentResource(long id, long interventionId, long participantId, String participantCode, Gender gender,
			Integer birthYear, boolean identityKnown, LocalDate consentDate, String consentVersion,
			LocalDate referralDate, Long referrerId, Long districtId, LocalDate startDate, String education,
			String timeWithoutWork, List<String> incomeSources, String occupation, Integer occupationExtent,
			String birthRegion, String disability, LocalDate endDate, String exitReason, String occupationAfter,
			Integer occupationAfterExtent, List<String> incomeSourcesAfter, Boolean guideSupport) {

		static EnrollmentResource of(EnrollmentDetails d) {
			return new EnrollmentResource(d.id(), d.interventionId(), d.participantId(), d.participantCode(),
					d.gender(), d.birthYear(), d.identityKnown(), d.consentDate(), d.consentVersion(),
					d.referralDate(), d.referrerId(), d.districtId(), d.startDate(), d.education(), d.timeWithoutWork(),
					d.incomeSources(), d.occupation(), d.occupationExtent(), d.birthRegion(), d.disability(), d.endDate(),
					d.exitReason(), d.occupationAfter(), d.occupationAfterExtent(), d.incomeSourcesAfter(),
					d.guideSupport());
		}
	}
}
