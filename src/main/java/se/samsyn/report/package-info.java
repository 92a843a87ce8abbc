/** Uppföljningsrapporter: follow-up figures per period, target fulfilment, suppression of small counts, charts, exports. */
@org.springframework.modulith.ApplicationModule(displayName = "Report",
		allowedDependencies = { "platform", "access", "association", "audit", "intervention", "followup" })
package se.samsyn.report;
