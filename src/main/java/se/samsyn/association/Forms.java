package se.samsyn.association;

/**
 * What users type into the förbund's forms, as text: the services parse and validate it, so that
 * every mistake becomes a clear message rather than a failed conversion.
 */
public final class Forms {

	private Forms() {
	}

	public record AssociationForm(String name, String orgNumber, String foundedOn, boolean nationalReporting) {
	}

	public record MemberForm(String kind, String name, String municipalityId) {
	}

	public record MunicipalityForm(String municipalityCode, String name) {
	}

	public record DistrictForm(String municipalityId, String name) {
	}

	public record ReferrerForm(String memberId, String districtId, String name, boolean selfReferral, boolean active) {
	}
}
