/**
 * Demo mode: the seeds' förbund, their insatser and the demo accounts, loaded into an empty embedded
 * database, with synthetic participants (syntetiska demodeltagare — inga verkliga personer).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "platform", "access", "association", "intervention", "catalog", "finance", "followup" })
package se.samsyn.demo;
