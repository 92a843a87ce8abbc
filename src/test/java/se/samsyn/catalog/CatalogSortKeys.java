package se.samsyn.catalog;

/** Opens the catalogue's sort key to the benchmark, which writes its rows directly. */
public final class CatalogSortKeys {

	private CatalogSortKeys() {
	}

	public static String of(String title) {
		return Catalog.sortKey(title);
	}
}
