package se.samsyn.access.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.audit.AuditLog.AuditEntry;
import se.samsyn.audit.AuditLog.AuditQuery;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.SwedishFormat;

/**
 * Searching and exporting the audit log: a förbund's events for its admin, all events for the
 * system admin. The page sits with access, which decides who may read the log.
 */
@Controller
class AuditLogController {

	private static final int PAGE_SIZE = 50;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(SwedishFormat.SWEDEN);
	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
		.setHeader("tid", "användare", "förbund", "händelse", "objekttyp", "objekt", "detalj").get();

	private final AccessControl access;
	private final AuditLog audit;
	private final Clock clock;

	AuditLogController(AccessControl access, AuditLog audit, Clock clock) {
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/forbund/{associationCode}/logg")
	String associationLog(@PathVariable String associationCode, Filter filter, Model model) {
		AssociationRef association = access.require(associationCode, Permission.READ_AUDIT_LOG);
		return page(association.id(), filter, "/forbund/" + association.code() + "/logg", model);
	}

	@GetMapping("/system/logg")
	String installationLog(Filter filter, Model model) {
		access.requireGlobal(Permission.MANAGE_ASSOCIATIONS);
		return page(null, filter, "/system/logg", model);
	}

	@GetMapping("/forbund/{associationCode}/logg.csv")
	ResponseEntity<byte[]> associationExport(@PathVariable String associationCode, Filter filter) {
		AssociationRef association = access.require(associationCode, Permission.READ_AUDIT_LOG);
		return export(association.id(), filter, "granskningslogg-" + association.code());
	}

	@GetMapping("/system/logg.csv")
	ResponseEntity<byte[]> installationExport(Filter filter) {
		access.requireGlobal(Permission.MANAGE_ASSOCIATIONS);
		return export(null, filter, "granskningslogg");
	}

	private String page(Long associationId, Filter filter, String path, Model model) {
		model.addAttribute("result", audit.search(associationId, filter.query(PAGE_SIZE)));
		model.addAttribute("filter", filter);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("targets", AuditTarget.values());
		model.addAttribute("path", path);
		return "access/audit-log";
	}

	private ResponseEntity<byte[]> export(Long associationId, Filter filter, String name) {
		List<AuditEntry> entries = audit.export(associationId, filter.query(1));
		audit.record(AuditAction.AUDIT_LOG_EXPORTED, associationId, null, null, entries.size() + " events");
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + "-" + LocalDate.now(clock) + ".csv").build().toString())
			.body(csv(entries));
	}

	/** The export as Swedish Excel opens it: UTF-8 with a byte-order mark, semicolons, a header row. */
	static byte[] csv(List<AuditEntry> entries) {
		StringBuilder out = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
			for (AuditEntry entry : entries) {
				printer.printRecord(TIME.format(entry.occurredAt()), cell(entry.actor()),
						entry.associationId() == null ? "" : entry.associationId().toString(), cell(name(entry.action())),
						cell(name(entry.targetType())), cell(entry.targetId()), cell(entry.detail()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	/** A cell that a spreadsheet would run as a formula gets a leading apostrophe, so it shows as text. */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

	/** The search form. */
	record Filter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String actor, AuditAction action,
			AuditTarget target, Integer page) {

		AuditQuery query(int pageSize) {
			return new AuditQuery(from, to, actor, action, target, page == null ? 0 : page, pageSize);
		}

		public String queryString(int targetPage) {
			StringBuilder out = new StringBuilder("?page=").append(targetPage);
			if (from != null) out.append("&from=").append(from);
			if (to != null) out.append("&to=").append(to);
			if (actor != null && !actor.isBlank()) out.append("&actor=").append(java.net.URLEncoder.encode(actor, StandardCharsets.UTF_8));
			if (action != null) out.append("&action=").append(action.name());
			if (target != null) out.append("&target=").append(target.name());
			return out.toString();
		}
	}
}
