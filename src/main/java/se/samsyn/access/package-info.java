/** Users, passwords, two-factor authentication, roles per förbund, API tokens and login. */
@org.springframework.modulith.ApplicationModule(displayName = "Access", allowedDependencies = { "platform", "audit" })
package se.samsyn.access;
