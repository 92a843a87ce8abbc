package se.samsyn.followup.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import se.samsyn.association.AssociationStructure;
import se.samsyn.followup.FollowupCodes;
import se.samsyn.followup.Enrollments;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.CodeLists;

/** The choices and labels the follow-up pages show: code lists, referring units, districts, members. */
@Component
class FollowupPages {

	private final AssociationStructure structure;
	private final CodeLists codeLists;
	private final Enrollments enrollments;

	FollowupPages(AssociationStructure structure, CodeLists codeLists, Enrollments enrollments) {
		this.structure = structure;
		this.codeLists = codeLists;
		this.enrollments = enrollments;
	}

	/** One code list's code→label map, for a page that shows codes but offers no choices. */
	Map<String, String> labels(AssociationRef association, String list) {
		return codeLists.entries(list, association.id(), LocaleContextHolder.getLocale()).stream()
			.collect(Collectors.toMap(CodeLists.Entry::code, CodeLists.Entry::label, (a, b) -> a, java.util.LinkedHashMap::new));
	}

	/** Choices for the forms and labels for the lists: {@code codes.EDUCATION} is a list of entries, {@code labels.EDUCATION} a code→label map. */
	void choices(AssociationRef association, Model model) {
		var locale = LocaleContextHolder.getLocale();
		Map<String, Object> codes = new java.util.HashMap<>();
		Map<String, Map<String, String>> labels = new java.util.HashMap<>();
		for (String list : FollowupCodes.ALL) {
			var entries = codeLists.entries(list, association.id(), locale);
			codes.put(list, entries);
			labels.put(list, entries.stream().collect(Collectors.toMap(CodeLists.Entry::code, CodeLists.Entry::label,
					(a, b) -> a, java.util.LinkedHashMap::new)));
		}
		model.addAttribute("codes", codes);
		model.addAttribute("labels", labels);
		var referrers = structure.referrers(association.id());
		model.addAttribute("referrers", referrers.stream().filter(r -> r.active()).toList());
		model.addAttribute("referrerNames", referrers.stream().collect(Collectors.toMap(r -> r.id(), r -> r.name())));
		var districts = structure.districts(association.id());
		model.addAttribute("districts", districts);
		model.addAttribute("districtNames", districts.stream().collect(Collectors.toMap(d -> d.id(), d -> d.name())));
		var members = structure.members(association.id());
		model.addAttribute("members", members);
		model.addAttribute("memberNames", members.stream().collect(Collectors.toMap(m -> m.id(), m -> m.name())));
		model.addAttribute("questions", enrollments.questions(association));
	}
}
