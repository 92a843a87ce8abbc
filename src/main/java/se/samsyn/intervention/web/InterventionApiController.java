package se.samsyn.intervention.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.intervention.FollowUpMethod;
import se.samsyn.intervention.InterventionCommand;
import se.samsyn.intervention.InterventionKind;
import se.samsyn.intervention.InterventionStatus;
import se.samsyn.intervention.InterventionViews.InterventionDetails;
import se.samsyn.intervention.Interventions;
import se.samsyn.intervention.TargetComparator;
import se.samsyn.intervention.TargetMetric;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.ProblemResponses;

@RestController
@RequestMapping(path = "/api/v1/associations/{associationCode}/interventions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "interventions", description = "Insatser: förbundets insatser med budget per år och förväntade resultat")
class InterventionApiController {

	private final AccessControl access;
	private final Interventions interventions;

	InterventionApiController(AccessControl access, Interventions interventions) {
		this.access = access;
		this.interventions = interventions;
	}

	@GetMapping
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "listInterventions", summary = "Insatserna som anroparen får se, valfritt de som har budget eller pågår ett visst år")
	List<InterventionResource> list(@PathVariable String associationCode, @RequestParam(required = false) Integer year) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return interventions.list(association, new Interventions.Filter(year, null, null, null)).stream()
			.map(summary -> InterventionResource.of(interventions.get(association, summary.id())))
			.toList();
	}

	@GetMapping("/{id}")
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "getIntervention", summary = "En insats")
	InterventionResource get(@PathVariable String associationCode, @PathVariable long id) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return InterventionResource.of(interventions.get(association, id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Insatsen är registrerad",
			headers = @Header(name = "Location", description = "Insatsens adress i API:t",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "createIntervention", summary = "Registrera en insats som förslag (status PROPOSED); svarar med Location")
	ResponseEntity<InterventionResource> create(@PathVariable String associationCode, @RequestBody InterventionCommand command) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_INTERVENTIONS);
		if (command.status() != null && !command.status().isBlank() && !command.status().equals("PROPOSED")) {
			// Beredning and decisions are recorded on the insats' page; the API does not skip them.
			throw se.samsyn.platform.ValidationException.of("status", "intervention.status.proposalOnly");
		}
		long id = interventions.create(association, command);
		return ResponseEntity.created(URI.create("/api/v1/associations/" + association.code() + "/interventions/" + id))
			.body(InterventionResource.of(interventions.get(association, id)));
	}

	@PutMapping("/{id}")
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "updateIntervention", summary = "Ersätt en insats uppgifter, budget och mål; status ändras genom beslut")
	InterventionResource update(@PathVariable String associationCode, @PathVariable long id,
			@RequestBody InterventionCommand command) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_INTERVENTIONS);
		interventions.update(association, id, command, true);
		return InterventionResource.of(interventions.get(association, id));
	}

	record InterventionResource(long id, String name, String shortDescription, String description,
			InterventionKind kind, FollowUpMethod followUp, InterventionStatus status, LocalDate startDate,
			LocalDate endDate, String owner, String locations, String evaluator, List<Long> memberIds,
			List<String> targetGroups, List<Long> districtIds, List<InterventionBudget> budgets,
			List<InterventionTarget> targets, List<CofinancingResource> cofinancing, List<SteeringResource> steeringGroup) {

		static InterventionResource of(InterventionDetails details) {
			return new InterventionResource(details.id(), details.name(), details.shortDescription(),
					details.description(), details.kind(), details.followUp(), details.status(), details.startDate(),
					details.endDate(), details.owner(), details.locations(), details.evaluator(), details.memberIds(),
					details.targetGroups(), details.districtIds(),
					details.budgets().stream().map(budget -> new InterventionBudget(budget.year(), budget.amount().value(),
							budget.plannedParticipants(), budget.actual() == null ? null : budget.actual().value())).toList(),
					details.targets().stream().map(target -> new InterventionTarget(target.id(), target.year(), target.text(),
							target.metric(), target.comparator(), target.threshold(), target.tolerance(),
							target.exitReasons(), target.referrerKind(), target.months(), target.includePartly())).toList(),
					details.cofinancing().stream().map(line -> new CofinancingResource(line.funder(), line.project(),
							line.year(), line.amount().value())).toList(),
					details.steeringGroup().stream().map(seat -> new SteeringResource(seat.name(), seat.role(),
							seat.memberId())).toList());
		}
	}

	/** The insats' budget for one year and, once booked, its actual cost. */
	record InterventionBudget(int year, long amountKr, Integer plannedParticipants, Long actualKr) {
	}

	/** An expected result as planned; the report measures it ({@code TargetFulfilment}). */
	record InterventionTarget(long id, int year, String text, TargetMetric metric, TargetComparator comparator,
			BigDecimal threshold, BigDecimal tolerance, List<String> exitReasons, String referrerKind, Integer months,
			boolean includePartly) {
	}

	record CofinancingResource(String funder, String project, int year, long amountKr) {
	}

	record SteeringResource(String name, String role, Long memberId) {
	}
}
