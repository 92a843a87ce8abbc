package se.samsyn.catalog.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.catalog.Catalog;
import se.samsyn.catalog.CatalogEntry;
import se.samsyn.catalog.CatalogForm;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** The kansli writes an insats' public texts, previews them and publishes or withdraws them. */
@Controller
@RequestMapping("/forbund/{associationCode}/insatser/{id}/katalog")
class CatalogAdminController {

	private final AccessControl access;
	private final Catalog catalog;
	private final Interventions interventions;
	private final FormErrors formErrors;

	CatalogAdminController(AccessControl access, Catalog catalog, Interventions interventions, FormErrors formErrors) {
		this.access = access;
		this.catalog = catalog;
		this.interventions = interventions;
		this.formErrors = formErrors;
	}

	@GetMapping
	String form(@PathVariable String associationCode, @PathVariable long id, Model model) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_INTERVENTIONS);
		var draft = catalog.draft(association, id);
		return page(association, id, draft.map(CatalogAdminController::form).orElse(CatalogForm.empty()), draft.orElse(null), model);
	}

	@PostMapping
	String save(@PathVariable String associationCode, @PathVariable long id, CatalogForm form,
			@RequestParam(required = false) List<String> referrerKinds, @RequestParam(defaultValue = "save") String action,
			Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_INTERVENTIONS);
		CatalogForm full = new CatalogForm(form.forWhom(), form.minAge(), form.maxAge(), form.whatYouGet(), form.where(),
				form.openingHours(), form.howToGetThere(), form.selfReferral(), referrerKinds, form.contact(),
				form.languages(), form.accessibility());
		Catalog.Publication publication = switch (action) {
			case "publish" -> Catalog.Publication.PUBLISH;
			case "withdraw" -> Catalog.Publication.WITHDRAW;
			default -> Catalog.Publication.KEEP;
		};
		try {
			catalog.save(association, id, full, publication);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return page(association, id, full, catalog.draft(association, id).orElse(null), model);
		}
		redirect.addFlashAttribute("notice", formErrors.message("catalog." + publication.name().toLowerCase()));
		return "redirect:/forbund/" + association.code() + "/insatser/" + id + "/katalog";
	}

	private String page(AssociationRef association, long id, CatalogForm form, CatalogEntry preview, Model model) {
		model.addAttribute("intervention", interventions.get(association, id));
		model.addAttribute("form", form);
		model.addAttribute("preview", preview);
		model.addAttribute("referrerKindChoices", CatalogForm.REFERRER_KINDS);
		return "catalog/admin";
	}

	private static CatalogForm form(CatalogEntry entry) {
		return new CatalogForm(nz(entry.forWhom()), entry.minAge() == null ? "" : entry.minAge().toString(),
				entry.maxAge() == null ? "" : entry.maxAge().toString(), nz(entry.whatYouGet()), nz(entry.where()),
				nz(entry.openingHours()), nz(entry.howToGetThere()), entry.selfReferral(), entry.referrerKinds(),
				nz(entry.contact()), nz(entry.languages()), nz(entry.accessibility()));
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}
}
