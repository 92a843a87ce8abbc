package se.samsyn.association.web;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.association.AssociationStructure;
import se.samsyn.association.Forms.DistrictForm;
import se.samsyn.association.Forms.MemberForm;
import se.samsyn.association.Forms.MunicipalityForm;
import se.samsyn.association.Forms.ReferrerForm;
import se.samsyn.association.MemberKind;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** Adding, editing and removing a förbund's members, municipalities, districts and referring units. */
@Controller
@RequestMapping("/forbund/{associationCode}")
class StructureController {

	private final AccessControl access;
	private final AssociationStructure structure;
	private final FormErrors formErrors;

	StructureController(AccessControl access, AssociationStructure structure, FormErrors formErrors) {
		this.access = access;
		this.structure = structure;
		this.formErrors = formErrors;
	}

	// --- members

	@GetMapping("/medlemmar/ny")
	String newMember(@PathVariable String associationCode, Model model) {
		AssociationRef association = manage(associationCode);
		return memberForm(association, null, new MemberForm("", "", "", false), model);
	}

	@GetMapping("/medlemmar/{memberId}")
	String editMember(@PathVariable String associationCode, @PathVariable long memberId, Model model) {
		AssociationRef association = manage(associationCode);
		var member = structure.member(association.id(), memberId);
		return memberForm(association, memberId, new MemberForm(member.kind().name(), member.name(),
				member.municipalityId() == null ? "" : member.municipalityId().toString(), member.statePayer()), model);
	}

	@PostMapping({ "/medlemmar/ny", "/medlemmar/{memberId}" })
	String saveMember(@PathVariable String associationCode, @PathVariable(required = false) Long memberId,
			MemberForm form, Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		return save(association, model, redirect, () -> structure.saveMember(association.id(), memberId, form),
				m -> memberForm(association, memberId, form, m));
	}

	private String memberForm(AssociationRef association, Long memberId, MemberForm form, Model model) {
		if (memberId != null) {
			structure.member(association.id(), memberId);
		}
		model.addAttribute("form", form);
		model.addAttribute("entityId", memberId);
		model.addAttribute("kinds", MemberKind.values());
		model.addAttribute("municipalities", structure.municipalities(association.id()));
		return "association/member-form";
	}

	// --- municipalities

	@GetMapping("/kommuner/ny")
	String newMunicipality(@PathVariable String associationCode, Model model) {
		manage(associationCode);
		return municipalityForm(null, new MunicipalityForm("", ""), model);
	}

	@GetMapping("/kommuner/{municipalityId}")
	String editMunicipality(@PathVariable String associationCode, @PathVariable long municipalityId, Model model) {
		AssociationRef association = manage(associationCode);
		var municipality = structure.municipality(association.id(), municipalityId);
		return municipalityForm(municipalityId,
				new MunicipalityForm(municipality.municipalityCode(), municipality.name()), model);
	}

	@PostMapping({ "/kommuner/ny", "/kommuner/{municipalityId}" })
	String saveMunicipality(@PathVariable String associationCode, @PathVariable(required = false) Long municipalityId,
			MunicipalityForm form, Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		if (municipalityId != null) {
			structure.municipality(association.id(), municipalityId);
		}
		return save(association, model, redirect,
				() -> structure.saveMunicipality(association.id(), municipalityId, form),
				m -> municipalityForm(municipalityId, form, m));
	}

	private String municipalityForm(Long municipalityId, MunicipalityForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("entityId", municipalityId);
		return "association/municipality-form";
	}

	// --- districts

	@GetMapping("/stadsdelar/ny")
	String newDistrict(@PathVariable String associationCode, Model model) {
		AssociationRef association = manage(associationCode);
		return districtForm(association, null, new DistrictForm("", ""), model);
	}

	@GetMapping("/stadsdelar/{districtId}")
	String editDistrict(@PathVariable String associationCode, @PathVariable long districtId, Model model) {
		AssociationRef association = manage(associationCode);
		var district = structure.district(association.id(), districtId);
		return districtForm(association, districtId,
				new DistrictForm(String.valueOf(district.municipalityId()), district.name()), model);
	}

	@PostMapping({ "/stadsdelar/ny", "/stadsdelar/{districtId}" })
	String saveDistrict(@PathVariable String associationCode, @PathVariable(required = false) Long districtId,
			DistrictForm form, Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		return save(association, model, redirect, () -> structure.saveDistrict(association.id(), districtId, form),
				m -> districtForm(association, districtId, form, m));
	}

	private String districtForm(AssociationRef association, Long districtId, DistrictForm form, Model model) {
		if (districtId != null) {
			structure.district(association.id(), districtId);
		}
		model.addAttribute("form", form);
		model.addAttribute("entityId", districtId);
		model.addAttribute("municipalities", structure.municipalities(association.id()));
		return "association/district-form";
	}

	// --- referrers

	@GetMapping("/anmalande-parter/ny")
	String newReferrer(@PathVariable String associationCode, Model model) {
		AssociationRef association = manage(associationCode);
		return referrerForm(association, null, new ReferrerForm("", "", "", false, true), model);
	}

	@GetMapping("/anmalande-parter/{referrerId}")
	String editReferrer(@PathVariable String associationCode, @PathVariable long referrerId, Model model) {
		AssociationRef association = manage(associationCode);
		var referrer = structure.referrer(association.id(), referrerId);
		return referrerForm(association, referrerId, new ReferrerForm(
				referrer.memberId() == null ? "" : referrer.memberId().toString(),
				referrer.districtId() == null ? "" : referrer.districtId().toString(), referrer.name(),
				referrer.selfReferral(), referrer.active()), model);
	}

	@PostMapping({ "/anmalande-parter/ny", "/anmalande-parter/{referrerId}" })
	String saveReferrer(@PathVariable String associationCode, @PathVariable(required = false) Long referrerId,
			ReferrerForm form, Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		return save(association, model, redirect, () -> structure.saveReferrer(association.id(), referrerId, form),
				m -> referrerForm(association, referrerId, form, m));
	}

	private String referrerForm(AssociationRef association, Long referrerId, ReferrerForm form, Model model) {
		boolean unitNotStated = referrerId != null && !structure.referrer(association.id(), referrerId).unitStated();
		model.addAttribute("unitNotStated", unitNotStated);
		model.addAttribute("form", form);
		model.addAttribute("entityId", referrerId);
		model.addAttribute("members", structure.members(association.id()));
		model.addAttribute("districts", structure.districts(association.id()));
		return "association/referrer-form";
	}

	// --- removing, with a confirmation page first

	@GetMapping("/{section:medlemmar|kommuner|stadsdelar|anmalande-parter}/{id}/ta-bort")
	String confirmDelete(@PathVariable String associationCode, @PathVariable String section, @PathVariable long id,
			Model model) {
		AssociationRef association = manage(associationCode);
		String name = switch (section) {
			case "medlemmar" -> structure.member(association.id(), id).name();
			case "kommuner" -> structure.municipality(association.id(), id).name();
			case "stadsdelar" -> structure.district(association.id(), id).name();
			default -> structure.referrer(association.id(), id).name();
		};
		String base = "/forbund/" + association.code();
		model.addAttribute("title", formErrors.message("structure.delete.title"));
		model.addAttribute("question", formErrors.message("structure.delete.question", name));
		model.addAttribute("action", base + "/" + section + "/" + id + "/ta-bort");
		model.addAttribute("confirmLabel", formErrors.message("structure.delete.button"));
		model.addAttribute("cancel", base);
		return "common/confirm";
	}

	@PostMapping("/{section:medlemmar|kommuner|stadsdelar|anmalande-parter}/{id}/ta-bort")
	String delete(@PathVariable String associationCode, @PathVariable String section, @PathVariable long id,
			RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		try {
			switch (section) {
				case "medlemmar" -> structure.deleteMember(association.id(), id);
				case "kommuner" -> structure.deleteMunicipality(association.id(), id);
				case "stadsdelar" -> structure.deleteDistrict(association.id(), id);
				default -> structure.deleteReferrer(association.id(), id);
			}
			redirect.addFlashAttribute("notice", formErrors.message("structure.deleted"));
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("alert", formErrors.of(ex).values().iterator().next());
		}
		return "redirect:/forbund/" + association.code();
	}

	private AssociationRef manage(String associationCode) {
		return access.require(associationCode, Permission.MANAGE_ASSOCIATION);
	}

	private String save(AssociationRef association, Model model, RedirectAttributes redirect, Runnable action,
			java.util.function.Function<Model, String> showFormAgain) {
		try {
			action.run();
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return showFormAgain.apply(model);
		}
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return "redirect:/forbund/" + association.code();
	}
}
