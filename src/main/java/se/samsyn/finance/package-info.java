/** Ekonomi: the members' contributions and the state's ideal allocation (budgets and outcome to come). */
@org.springframework.modulith.ApplicationModule(displayName = "Finance",
		allowedDependencies = { "platform", "access", "association", "audit" })
package se.samsyn.finance;
