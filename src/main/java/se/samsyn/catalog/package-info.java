/** Insatskatalogen: the public, searchable catalogue of insatser across the installation's förbund. */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog",
		allowedDependencies = { "platform", "access", "association", "intervention", "audit" })
package se.samsyn.catalog;
