/** Ekonomi: the members' contributions, the state's ideal allocation and the förbund's budget with plan years. */
@org.springframework.modulith.ApplicationModule(displayName = "Finance",
		allowedDependencies = { "platform", "access", "association", "intervention", "audit" })
package se.samsyn.finance;
