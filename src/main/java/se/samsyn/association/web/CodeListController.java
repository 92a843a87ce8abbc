package se.samsyn.association.web;

import java.util.LinkedHashMap;
import java.util.Map;

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
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.CodeLists;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.ValidationException;

/** The code lists of the förbund: the national entries, and the förbund's own entries it may add and turn off. */
@Controller
@RequestMapping("/forbund/{associationCode}/kodlistor")
class CodeListController {

	private final AccessControl access;
	private final CodeLists codeLists;
	private final FormErrors formErrors;
	private final AuditLog audit;

	CodeListController(AccessControl access, CodeLists codeLists, FormErrors formErrors, AuditLog audit) {
		this.access = access;
		this.codeLists = codeLists;
		this.formErrors = formErrors;
		this.audit = audit;
	}

	@GetMapping
	String lists(@PathVariable String associationCode, Model model) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_ASSOCIATION);
		Map<String, Object> lists = new LinkedHashMap<>();
		for (String list : CodeLists.EXTENDABLE) {
			lists.put(list, codeLists.all(list, association.id()));
		}
		model.addAttribute("lists", lists);
		return "association/code-lists";
	}

	@PostMapping("/{list}")
	String add(@PathVariable String associationCode, @PathVariable String list,
			@RequestParam(required = false) String labelSv, @RequestParam(required = false) String labelEn,
			RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_ASSOCIATION);
		requireList(list);
		try {
			String code = codeLists.addOwn(list, association.id(), labelSv, labelEn);
			audit.record(AuditAction.CODE_LIST_CHANGED, association.id(), AuditTarget.CODE_LIST, list, "ny post " + code);
			redirect.addFlashAttribute("notice", formErrors.message("codeList.added"));
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("alert", formErrors.message(ex.errors().get(0).messageKey(), ex.errors().get(0).arguments()));
		}
		return "redirect:/forbund/" + association.code() + "/kodlistor#" + list;
	}

	@PostMapping("/{list}/{code}/aktiv")
	String active(@PathVariable String associationCode, @PathVariable String list, @PathVariable String code,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_ASSOCIATION);
		requireList(list);
		codeLists.setOwnActive(list, association.id(), code, active);
		audit.record(AuditAction.CODE_LIST_CHANGED, association.id(), AuditTarget.CODE_LIST, list, (active ? "aktiv " : "inaktiv ") + code);
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return "redirect:/forbund/" + association.code() + "/kodlistor#" + list;
	}

	private static void requireList(String list) {
		if (!CodeLists.EXTENDABLE.contains(list)) {
			throw new NotFoundException();
		}
	}
}
