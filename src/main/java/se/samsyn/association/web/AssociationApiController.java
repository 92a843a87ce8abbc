package se.samsyn.association.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
import se.samsyn.platform.CodeLists;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.ProblemResponses;

@RestController
@RequestMapping(path = "/api/v1/associations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "associations", description = "Förbund: samordningsförbunden och deras medlemmar")
class AssociationApiController {

	private final AccessControl access;
	private final AssociationStructure structure;
	private final CodeLists codeLists;

	AssociationApiController(AccessControl access, AssociationStructure structure, CodeLists codeLists) {
		this.access = access;
		this.structure = structure;
		this.codeLists = codeLists;
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

	@GetMapping("/{associationCode}/referrers")
	@Operation(operationId = "listReferrers", summary = "Förbundets anmälande parter, också de inaktiva; id eller namn används i en imports koppling av värden")
	@ProblemResponses({ 403, 404 })
	List<ReferrerSummary> referrers(@PathVariable String associationCode) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return structure.referrers(association.id()).stream()
			.map(referrer -> new ReferrerSummary(referrer.id(), referrer.name(), referrer.memberName(), referrer.memberId(),
					referrer.active(), referrer.unitStated()))
			.toList();
	}

	@GetMapping("/{associationCode}/code-lists/{list}")
	@Operation(operationId = "getCodeList", summary = "En kodlista för förbundet: de nationella posterna och förbundets egna, också de inaktiva; "
			+ "kod eller benämning används i en imports koppling av värden; okänd lista ger 404")
	@ProblemResponses({ 403, 404 })
	List<CodeListEntry> codeList(@PathVariable String associationCode,
			@PathVariable @Parameter(description = "TARGET_GROUP, EXIT_REASON, EDUCATION, TIME_WITHOUT_WORK, INCOME_SOURCE, "
					+ "OCCUPATION, BIRTH_REGION eller DISABILITY") String list) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		if (!CodeLists.EXTENDABLE.contains(list)) {
			throw new NotFoundException();
		}
		return codeLists.all(list, association.id()).stream()
			.map(entry -> new CodeListEntry(entry.code(), entry.labelSv(), entry.active()))
			.toList();
	}

	record AssociationSummary(String code, String name) {
	}

	/** A referring unit; {@code member} is its member's name and {@code memberId} its id, both null when it belongs to no member (a self-referral). */
	record ReferrerSummary(long id, String name,
			@Schema(description = "Namnet på medlemmen enheten hör till; null när den inte hör till någon (egenanmälan)") String member,
			@Schema(description = "Id för medlemmen enheten hör till; null när den inte hör till någon (egenanmälan)") Long memberId, boolean active,
			@Schema(description = "false för medlemmens egen post ”enhet ej angiven”: anmäld av medlemmen utan angiven enhet, räknas under medlemmen") boolean unitStated) {
	}

	/** An entry of a code list with its Swedish label; an inactive entry is kept on what was registered with it. */
	record CodeListEntry(String code, @Schema(description = "Benämning på svenska") String label, boolean active) {
	}

	record MemberSummary(long id, String name, MemberKind kind) {
	}
}
