package se.samsyn.finance.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.association.MemberKind;
import se.samsyn.finance.Contributions;
import se.samsyn.finance.IdealAllocation;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.ValidationException;

@RestController
@Tag(name = "Ekonomi", description = "Medlemsavgifter och statens idealfördelning")
class FinanceApiController {

	private final AccessControl access;
	private final Contributions contributions;

	FinanceApiController(AccessControl access, Contributions contributions) {
		this.access = access;
		this.contributions = contributions;
	}

	@GetMapping("/api/v1/associations/{associationCode}/contributions/{year}")
	@Operation(summary = "Varje medlems del av årets medlemsavgifter")
	ContributionsResource contributions(@PathVariable String associationCode, @PathVariable int year) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		var result = contributions.year(association, year).orElseThrow(NotFoundException::new);
		return new ContributionsResource(year, result.total().value(), result.members().stream()
			.map(part -> new MemberContribution(part.memberId(), part.name(), part.kind(), part.amount().value(), part.paidBy()))
			.toList());
	}

	@PostMapping("/api/v1/ideal-allocation")
	@SecurityRequirements
	@Operation(summary = "Statens fördelningsmodell: grundbelopp plus resten 75 % efter försörjningsmått och 25 % efter befolkning 16–64 år")
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

	record ContributionsResource(int year, long totalKr, List<MemberContribution> members) {
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
