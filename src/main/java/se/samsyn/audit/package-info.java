/** The append-only audit log: logins, role and token changes, and every read and change of personal data. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "platform")
package se.samsyn.audit;
