/** Demo mode: the seeds' förbund and the demo accounts, loaded into an empty embedded database. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "platform", "access", "association", "intervention", "catalog", "finance" })
package se.samsyn.demo;
