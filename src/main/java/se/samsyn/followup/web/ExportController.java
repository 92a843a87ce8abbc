package se.samsyn.followup.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.followup.FollowupWorkbookWriter;
import se.samsyn.followup.ParticipantScope;
import se.samsyn.platform.AssociationRef;

/** The participants as xlsx in the import's layout (one insats or all the user's), and the empty template. */
@Controller
class ExportController {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final AccessControl access;
	private final ParticipantScope scope;
	private final FollowupWorkbookWriter workbooks;

	ExportController(AccessControl access, ParticipantScope scope, FollowupWorkbookWriter workbooks) {
		this.access = access;
		this.scope = scope;
		this.workbooks = workbooks;
	}

	@GetMapping("/forbund/{associationCode}/insatser/{id}/deltagare.xlsx")
	ResponseEntity<byte[]> intervention(@PathVariable String associationCode, @PathVariable long id) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return file(workbooks.episodes(association, id), association.code() + "-insats-" + id + "-deltagare.xlsx");
	}

	@GetMapping("/forbund/{associationCode}/uppfoljning/export.xlsx")
	ResponseEntity<byte[]> all(@PathVariable String associationCode) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return file(workbooks.episodes(association, null), association.code() + "-deltagare.xlsx");
	}

	@GetMapping("/forbund/{associationCode}/uppfoljning/mall.xlsx")
	ResponseEntity<byte[]> template(@PathVariable String associationCode) {
		AssociationRef association = scope.association(associationCode);
		return file(workbooks.template(association), "samsyn-uppfoljning-mall.xlsx");
	}

	private static ResponseEntity<byte[]> file(byte[] content, String name) {
		return ResponseEntity.ok().contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(content);
	}
}
