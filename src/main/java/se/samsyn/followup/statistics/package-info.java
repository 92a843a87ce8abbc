/**
 * What the follow-up's records add up to, for reports: the episodes of a selection with the codes a report counts,
 * anonymous starts, income sources and the joint plans' follow-ups, each count with its records' key sums
 * ({@link se.samsyn.followup.statistics.Counts}) so that a protected output can perturb it. Read only; the follow-up
 * module's tables are named here and nowhere outside the module.
 */
@org.springframework.modulith.NamedInterface("statistics")
package se.samsyn.followup.statistics;
