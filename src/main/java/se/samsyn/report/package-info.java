/**
 * Uppföljningsrapporter: follow-up figures per period, target fulfilment, protected figures, charts, exports. What
 * the follow-up's records add up to comes from the follow-up module's statistics, never from its tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Report",
		allowedDependencies = { "platform", "access", "association", "audit", "intervention", "followup :: statistics" })
package se.samsyn.report;
