package se.samsyn.followup.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.followup.FollowupImports;
import se.samsyn.followup.ImportField;
import se.samsyn.followup.ImportStatus;
import se.samsyn.followup.ImportViews.ImportMapping;
import se.samsyn.followup.ImportViews.ImportView;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** The import pages: upload, the list of imports, and one import's mapping, preview, commit and undo. */
@Controller
class ImportPages {

	private final AccessControl access;
	private final FollowupImports imports;
	private final ImportMessages messages;
	private final FormErrors formErrors;

	ImportPages(AccessControl access, FollowupImports imports, ImportMessages messages, FormErrors formErrors) {
		this.access = access;
		this.imports = imports;
		this.messages = messages;
		this.formErrors = formErrors;
	}

	@GetMapping("/forbund/{associationCode}/uppfoljning/import")
	String list(@PathVariable String associationCode, @RequestParam(required = false) Long insats, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return listPage(association, insats, model);
	}

	@PostMapping("/forbund/{associationCode}/uppfoljning/import")
	String upload(@PathVariable String associationCode, @RequestParam(required = false) String interventionId,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		Long chosen = null;
		try {
			var checks = new se.samsyn.platform.Checks();
			checks.check(interventionId != null && !interventionId.isBlank(), "interventionId", "validation.required");
			chosen = checks.optionalId(interventionId, "interventionId");
			checks.throwIfAny();
			ImportView view = imports.upload(association, chosen, file == null ? null : file.getOriginalFilename(),
					file == null || file.isEmpty() ? null : file.getBytes());
			return "redirect:/forbund/" + association.code() + "/uppfoljning/import/" + view.id();
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return listPage(association, chosen, model);
		}
	}

	@GetMapping("/forbund/{associationCode}/uppfoljning/import/{importId}")
	String show(@PathVariable String associationCode, @PathVariable long importId, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return importPage(imports.get(association, importId), model);
	}

	@PostMapping("/forbund/{associationCode}/uppfoljning/import/{importId}/koppling")
	String map(@PathVariable String associationCode, @PathVariable long importId, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		Map<String, String> columns = new LinkedHashMap<>();
		Map<String, Map<String, String>> values = new HashMap<>();
		for (int i = 0; form.containsKey("header" + i); i++) {
			columns.put(form.get("header" + i), form.getOrDefault("field" + i, ""));
		}
		for (int i = 0; form.containsKey("vfield" + i); i++) {
			values.computeIfAbsent(form.get("vfield" + i), k -> new LinkedHashMap<>())
				.put(form.get("vraw" + i), form.getOrDefault("vcode" + i, ""));
		}
		try {
			imports.map(association, importId, new ImportMapping(columns, values, form.get("consent"), form.get("consentDate")));
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return importPage(imports.get(association, importId), model);
		}
		redirect.addFlashAttribute("notice", messages.text("import.mapping.saved"));
		return "redirect:/forbund/" + association.code() + "/uppfoljning/import/" + importId;
	}

	@PostMapping("/forbund/{associationCode}/uppfoljning/import/{importId}/spara")
	String commit(@PathVariable String associationCode, @PathVariable long importId, Model model,
			RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		try {
			ImportView view = imports.commit(association, importId);
			redirect.addFlashAttribute("notice", messages.text("import.committed", view.created()));
		}
		catch (FollowupImports.NotReady ex) {
			model.addAttribute("refused", messages.text("import.problem.notReady.detail", ex.view().errorCount()));
			return importPage(ex.view(), model);
		}
		catch (FollowupImports.WrongStatus ex) {
			redirect.addFlashAttribute("notice", messages.text(ex.messageKey()));
		}
		return "redirect:/forbund/" + association.code() + "/uppfoljning/import/" + importId;
	}

	@PostMapping("/forbund/{associationCode}/uppfoljning/import/{importId}/ta-bort")
	String remove(@PathVariable String associationCode, @PathVariable long importId, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		try {
			ImportView view = imports.remove(association, importId);
			redirect.addFlashAttribute("notice", messages.text(view.status() == ImportStatus.UNDONE ? "import.undone" : "import.discarded"));
		}
		catch (FollowupImports.WrongStatus ex) {
			redirect.addFlashAttribute("notice", messages.text(ex.messageKey()));
		}
		return "redirect:/forbund/" + association.code() + "/uppfoljning/import/" + importId;
	}

	private String listPage(AssociationRef association, Long chosen, Model model) {
		model.addAttribute("interventions", imports.interventionChoices(association));
		model.addAttribute("imports", imports.list(association));
		model.addAttribute("chosen", chosen);
		model.addAttribute("maxMegabytes", 20);
		return "followup/import-list";
	}

	private String importPage(ImportView view, Model model) {
		model.addAttribute("imp", view);
		model.addAttribute("errorList", messages.of(view.errors()));
		model.addAttribute("warningList", messages.of(view.warnings()));
		model.addAttribute("fields", ImportField.values());
		return "followup/import-show";
	}
}
