package se.samsyn.catalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Gives catalogue entries from before migration V202611230621 their sort key. */
@Component
class CatalogStartup implements ApplicationRunner {

	private final Catalog catalog;

	CatalogStartup(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void run(ApplicationArguments args) {
		catalog.fillMissingSortKeys();
	}
}
