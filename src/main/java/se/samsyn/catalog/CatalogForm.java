package se.samsyn.catalog;

import java.util.List;

/** The public texts of an insats as the kansli writes them; ages as typed. */
public record CatalogForm(String forWhom, String minAge, String maxAge, String whatYouGet, String where,
		String openingHours, String howToGetThere, Boolean selfReferral, List<String> referrerKinds, String contact,
		String languages, String accessibility) {

	public static final List<String> REFERRER_KINDS = List.of("STATE", "REGION", "MUNICIPALITY");

	public CatalogForm {
		referrerKinds = referrerKinds == null ? List.of() : List.copyOf(referrerKinds);
	}

	public boolean isSelfReferral() {
		return Boolean.TRUE.equals(selfReferral);
	}

	public static CatalogForm empty() {
		return new CatalogForm("", "", "", "", "", "", "", false, List.of(), "", "Svenska", "");
	}
}
