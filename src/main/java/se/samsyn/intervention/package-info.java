/** Insatser: register, board decisions, budgets per year, expected results as measurable targets, programme fidelity. */
@org.springframework.modulith.ApplicationModule(displayName = "Intervention",
		allowedDependencies = { "platform", "access", "association", "audit" })
package se.samsyn.intervention;
