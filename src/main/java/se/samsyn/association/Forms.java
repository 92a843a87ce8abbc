package se.samsyn.association;

/**
 * What users type into the förbund's forms, as text: the services parse and validate it, so that
 * every mistake becomes a clear message rather than a failed conversion.
 */
public final class Forms {

	private Forms() {
	}

	/** Unticked checkboxes are not sent at all, so they arrive as null and count as no. */
	public record AssociationForm(String name, String orgNumber, String foundedOn, Boolean nationalReporting) {
		public boolean reportsNationally() {
			return Boolean.TRUE.equals(nationalReporting);
		}
	}

	/** {@code statePayer}: the state member that pays the state's share (Försäkringskassan). */
	public record MemberForm(String kind, String name, String municipalityId, Boolean statePayer) {
		public boolean paysForTheState() {
			return Boolean.TRUE.equals(statePayer);
		}
	}

	public record MunicipalityForm(String municipalityCode, String name) {
	}

	public record DistrictForm(String municipalityId, String name) {
	}

	public record ReferrerForm(String memberId, String districtId, String name, Boolean selfReferral, Boolean active) {
		public boolean isSelfReferral() {
			return Boolean.TRUE.equals(selfReferral);
		}

		public boolean isActive() {
			return Boolean.TRUE.equals(active);
		}
	}
}
