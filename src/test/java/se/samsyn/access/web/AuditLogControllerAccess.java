package se.samsyn.access.web;

import java.util.List;

import se.samsyn.audit.AuditLog.AuditEntry;

/** Opens the CSV export of the package-private controller to the tests. */
public final class AuditLogControllerAccess {

	private AuditLogControllerAccess() {
	}

	public static String cell(String value) {
		return AuditLogController.cell(value);
	}

	public static byte[] csv(List<AuditEntry> entries) {
		return AuditLogController.csv(entries);
	}
}
