package se.samsyn.access;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do, in one förbund or (for the installation-wide roles) across them. */
public enum Role {

	SYSTEM_ADMIN(true, false, EnumSet.of(Permission.MANAGE_ASSOCIATIONS)),
	ASSOCIATION_ADMIN(false, true, EnumSet.of(Permission.VIEW_ASSOCIATION, Permission.MANAGE_ASSOCIATION,
			Permission.MANAGE_USERS, Permission.READ_AUDIT_LOG, Permission.PERSONAL_DATA,
			Permission.VIEW_ALL_INTERVENTIONS, Permission.MANAGE_INTERVENTIONS, Permission.MANAGE_FINANCE)),
	OFFICE(false, true, EnumSet.of(Permission.VIEW_ASSOCIATION, Permission.PERSONAL_DATA,
			Permission.VIEW_ALL_INTERVENTIONS, Permission.MANAGE_INTERVENTIONS, Permission.MANAGE_FINANCE)),
	PROJECT_LEADER(false, true, EnumSet.of(Permission.VIEW_ASSOCIATION, Permission.PERSONAL_DATA_OWN_INTERVENTIONS)),
	VIEWER(false, false, EnumSet.of(Permission.VIEW_ASSOCIATION, Permission.VIEW_ALL_INTERVENTIONS)),
	NATIONAL_ANALYST(true, false, EnumSet.of(Permission.NATIONAL_AGGREGATES));

	private final boolean installationWide;
	private final boolean personalData;
	private final Set<Permission> permissions;

	Role(boolean installationWide, boolean personalData, Set<Permission> permissions) {
		this.installationWide = installationWide;
		this.personalData = personalData;
		this.permissions = permissions;
	}

	/** Held across the installation rather than in one förbund. */
	public boolean installationWide() {
		return installationWide;
	}

	/** Roles that see personal data, and the system administrator who hands out roles, need a second factor. */
	public boolean requiresSecondFactor() {
		return personalData || this == SYSTEM_ADMIN;
	}

	public boolean allows(Permission permission) {
		return permissions.contains(permission);
	}

	/** The roles an association admin can hand out in their förbund. */
	public static Set<Role> associationRoles() {
		return EnumSet.of(ASSOCIATION_ADMIN, OFFICE, PROJECT_LEADER, VIEWER);
	}
}
