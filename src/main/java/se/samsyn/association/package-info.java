/** Förbund, their members, municipalities, districts and the members' referring units. */
@org.springframework.modulith.ApplicationModule(displayName = "Association", allowedDependencies = { "platform", "access", "audit" })
package se.samsyn.association;
