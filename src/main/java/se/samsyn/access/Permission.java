package se.samsyn.access;

/** The things a role allows; checked per förbund, or installation-wide for the global roles. */
public enum Permission {
	/** See the förbund's pages and aggregated reports. */
	VIEW_ASSOCIATION,
	/** Edit the förbund's own details, members, municipalities, districts and referring units. */
	MANAGE_ASSOCIATION,
	/** Create users, hand out roles, reset second factors. */
	MANAGE_USERS,
	READ_AUDIT_LOG,
	/** See every insats of the förbund; without it, a project leader sees only the insatser they lead. */
	VIEW_ALL_INTERVENTIONS,
	/** Enter the members' contributions, budgets and outcome. */
	MANAGE_FINANCE,
	/** Register and change insatser, their budgets, targets, decisions and fidelity assessments. */
	MANAGE_INTERVENTIONS,
	/** All personal data of the förbund. */
	PERSONAL_DATA,
	/** Personal data of the participants in the user's own insatser only. */
	PERSONAL_DATA_OWN_INTERVENTIONS,
	/** Create förbund and give them their first administrator. */
	MANAGE_ASSOCIATIONS,
	/** Suppressed aggregates across the förbund that take part in national reporting. */
	NATIONAL_AGGREGATES
}
