package se.samsyn.association;

import java.time.LocalDate;

/** Read models of a förbund and its structure, as pages and the API show them. */
public final class AssociationViews {

	private AssociationViews() {
	}

	public record AssociationDetails(long id, String code, String name, String orgNumber, LocalDate foundedOn,
			boolean nationalReporting) {
	}

	/** A member; {@code statePayer} marks the state member that pays the state's share (Försäkringskassan). */
	public record Member(long id, MemberKind kind, String name, Long municipalityId, String municipalityName,
			boolean statePayer) {
	}

	public record Municipality(long id, String municipalityCode, String name) {
	}

	public record District(long id, long municipalityId, String municipalityName, String name) {
	}

	/**
	 * A referring unit. {@code unitStated} false: the member's own "unit not stated" entry, which every member has, for
	 * a start referred by the member without a named unit; it is counted under the member like any of its units.
	 */
	public record Referrer(long id, Long memberId, String memberName, Long districtId, String districtName, String name,
			boolean selfReferral, boolean active, boolean unitStated) {
	}
}
