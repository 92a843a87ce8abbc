package se.samsyn.access.web;

/** Opens the CSV cell rule of the package-private controller to the tests. */
public final class AuditLogControllerAccess {

	private AuditLogControllerAccess() {
	}

	public static String cell(String value) {
		return AuditLogController.cell(value);
	}
}
