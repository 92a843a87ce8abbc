package se.samsyn.audit;

/**
 * The kind of record an audit event names by id. Stored by name; events written before the kinds were typed may
 * carry a lower-case name ({@code intervention}), which {@link #of} reads as the same kind and the search finds.
 * Labels are {@code audit.target.<NAME>} in {@code i18n/audit}.
 */
public enum AuditTarget {
	ASSOCIATION, MEMBER, MUNICIPALITY, DISTRICT, REFERRER, CODE_LIST, USER, API_TOKEN, INTERVENTION, CONTRIBUTION_YEAR,
	BUDGET, PARTICIPANT, ENROLLMENT, JOINT_PLAN, FOLLOWUP_IMPORT, REPORT;

	public String labelKey() {
		return "audit.target." + name();
	}

	/** The kind of a stored name, whatever its case, or null for none or one no longer known. */
	public static AuditTarget of(String stored) {
		return StoredNames.parse(AuditTarget.class, stored);
	}
}
