/**
 * Deltagaruppföljning: participants (pseudonymous, personnummer only encrypted), their episodes in
 * the insatser, anonymous starts, joint plans, and import and export of follow-up files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-up",
		allowedDependencies = { "platform", "access", "association", "audit", "intervention" })
package se.samsyn.followup;
