package se.samsyn.finance.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.association.MemberKind;
import se.samsyn.finance.BudgetFigures;
import se.samsyn.finance.BudgetGroup;
import se.samsyn.finance.Budgets;
import se.samsyn.finance.Contributions;
import se.samsyn.finance.IdealAllocation;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.ProblemResponses;
import se.samsyn.platform.ValidationException;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "finance", description = "Ekonomi: medlemsavgifter, förbundets budget och statens idealfördelning")
class FinanceApiController {

	private final AccessControl access;
	private final Contributions contributions;
	private final Budgets budgets;

	FinanceApiController(AccessControl access, Contributions contributions, Budgets budgets) {
		this.access = access;
		this.contributions = contributions;
		this.budgets = budgets;
	}

	@GetMapping("/api/v1/associations/{associationCode}/contributions/{year}")
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "getContributions", summary = "Varje medlems del av årets medlemsavgifter")
	ContributionsResource contributions(@PathVariable String associationCode, @PathVariable int year) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		var result = contributions.year(association, year).orElseThrow(NotFoundException::new);
		return new ContributionsResource(year, result.total().value(), result.members().stream()
			.map(part -> new MemberContribution(part.memberId(), part.name(), part.kind(), part.amount().value(), part.paidBy()))
			.toList(), result.binding() == null ? null
					: new BindingResource(result.binding().memberId(), result.binding().memberName(), result.binding().total().value()));
	}

	@GetMapping("/api/v1/associations/{associationCode}/budgets/{year}")
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "getAssociationBudget", summary = "Förbundets budget för året med två planår; alla summor och andelar beräknade")
	AssociationBudget budget(@PathVariable String associationCode, @PathVariable int year) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return AssociationBudget.of(budgets.budget(association, year).orElseThrow(NotFoundException::new));
	}

	@PutMapping("/api/v1/associations/{associationCode}/budgets/{year}")
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "saveAssociationBudget", summary = "Skapa eller ersätt årets budgetutkast (en fastställd budget får en ny version)")
	AssociationBudget saveBudget(@PathVariable String associationCode, @PathVariable int year, @RequestBody BudgetInput input) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_FINANCE);
		budgets.saveDraft(association, year, input.openingEquityKr(), input.lines() == null ? List.of() : input.lines());
		return AssociationBudget.of(budgets.budget(association, year).orElseThrow(NotFoundException::new));
	}

	record BudgetInput(Long openingEquityKr, List<Budgets.LineInput> lines) {
	}

	/** The förbund's budget for a year: every sum and share computed from the lines. */
	record AssociationBudget(int year, int version, Budgets.Status status, java.time.LocalDate adoptedOn,
			long openingEquityKr, long totalIncomeKr, long totalCostsKr, long resultKr, long closingEquityKr, long frameKr,
			BudgetFigures.Shares shares, java.math.BigDecimal adminShare, List<AssociationBudgetLine> lines, List<PlanYear> planYears) {

		static AssociationBudget of(Budgets.BudgetView view) {
			BudgetFigures f = view.budgetYear().figures();
			return new AssociationBudget(view.year(), view.version(), view.status(), view.adoptedOn(), f.openingEquityKr(),
					f.totalIncomeKr(), f.totalCostsKr(), f.resultKr(), f.closingEquityKr(), f.frameKr(), f.shares(),
					f.adminShare(), view.budgetYear().lines().stream()
						.map(line -> new AssociationBudgetLine(line.code(), line.name(), line.group(), line.amountKr())).toList(),
					view.planYears().stream().map(plan -> new PlanYear(plan.year(), plan.figures().totalIncomeKr(),
							plan.figures().totalCostsKr(), plan.figures().resultKr())).toList());
		}
	}

	record AssociationBudgetLine(String code, String name, BudgetGroup group, long amountKr) {
	}

	record PlanYear(int year, long totalIncomeKr, long totalCostsKr, long resultKr) {
	}

	@PostMapping("/api/v1/ideal-allocation")
	@SecurityRequirements
	@ProblemResponses(400)
	@Operation(operationId = "calculateIdealAllocation", summary = "Statens fördelningsmodell: grundbelopp plus resten 75 % efter försörjningsmått och 25 % efter befolkning 16–64 år")
	AllocationResource idealAllocation(@RequestBody AllocationRequest request) {
		List<IdealAllocation.Input> inputs = request.associations() == null ? List.of() : request.associations().stream()
			.map(input -> new IdealAllocation.Input(input.code(), input.population16to64() == null ? -1 : input.population16to64(),
					input.supportMeasure() == null ? -1 : input.supportMeasure()))
			.toList();
		long base = request.baseKr() == null ? IdealAllocation.DEFAULT_BASE_KR : request.baseKr();
		IdealAllocationRules.check(request.year(), request.stateTotalKr(), base, inputs);
		try {
			return new AllocationResource(request.year(), IdealAllocation.of(request.stateTotalKr(), base, inputs));
		}
		catch (IllegalArgumentException ex) {
			throw ValidationException.of("stateTotalKr", "ideal.total.tooSmall");
		}
	}

	record ContributionsResource(int year, long totalKr, List<MemberContribution> members, BindingResource binding) {
	}

	/** Present when the members' offers are registered: the whole they carry and the member that sets it. */
	record BindingResource(long memberId, String name, long totalKr) {
	}

	record MemberContribution(long id, String name, MemberKind kind, long amountKr, String paidBy) {
	}

	record AllocationRequest(Integer year, Long stateTotalKr, Long baseKr, List<AllocationInput> associations) {
	}

	record AllocationInput(String code, Long population16to64, Long supportMeasure) {
	}

	record AllocationResource(Integer year, List<IdealAllocation.Allocation> allocations) {
	}
}
