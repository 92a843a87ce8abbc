package se.samsyn.association.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.association.AssociationStructure;
import se.samsyn.association.MemberKind;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.ProblemResponses;

@RestController
@RequestMapping(path = "/api/v1/associations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "associations", description = "Förbund: samordningsförbunden och deras medlemmar")
class AssociationApiController {

	private final AccessControl access;
	private final AssociationStructure structure;

	AssociationApiController(AccessControl access, AssociationStructure structure) {
		this.access = access;
		this.structure = structure;
	}

	@GetMapping
	@Operation(operationId = "listAssociations", summary = "De förbund som anroparen får se")
	List<AssociationSummary> list() {
		return access.visibleAssociations().stream().map(ref -> new AssociationSummary(ref.code(), ref.name())).toList();
	}

	@GetMapping("/{associationCode}/members")
	@Operation(operationId = "listMembers", summary = "Förbundets medlemmar")
	@ProblemResponses({ 403, 404 })
	List<MemberSummary> members(@PathVariable String associationCode) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return structure.members(association.id()).stream()
			.map(member -> new MemberSummary(member.id(), member.name(), member.kind()))
			.toList();
	}

	record AssociationSummary(String code, String name) {
	}

	record MemberSummary(long id, String name, MemberKind kind) {
	}
}
