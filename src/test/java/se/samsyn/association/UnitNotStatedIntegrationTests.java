package se.samsyn.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import se.samsyn.IntegrationTest;
import se.samsyn.association.AssociationViews.Referrer;
import se.samsyn.followup.statistics.Counts;
import se.samsyn.intervention.InterventionScope;
import se.samsyn.platform.ValidationException;
import se.samsyn.report.FollowupFigures;
import se.samsyn.report.FollowupReports;
import se.samsyn.report.ReportPeriod;

/**
 * "Referred by this member, unit not stated" is a real choice: every member has its own entry, which follows the
 * member's name, goes with the member, and counts a start under the member without inventing a unit.
 */
class UnitNotStatedIntegrationTests extends IntegrationTest {

	@Autowired
	private AssociationStructure structure;

	@Autowired
	private FollowupReports reports;

	@Test
	void everyMemberOfTheDemoHasItsUnitNotStatedEntry() {
		long stockholm = associationId("stockholm");
		List<Referrer> referrers = structure.referrers(stockholm);
		for (var member : structure.members(stockholm)) {
			List<Referrer> own = referrers.stream().filter(r -> !r.unitStated() && member.id() == r.memberId()).toList();
			assertThat(own).as(member.name()).singleElement()
				.satisfies(r -> assertThat(r.name()).isEqualTo(member.name() + " – enhet ej angiven"))
				.satisfies(r -> assertThat(r.active()).isTrue());
		}
	}

	@Test
	void theEntryFollowsItsMemberAndGoesWithIt() {
		long stockholm = associationId("stockholm");
		String name = "Testmedlem " + System.nanoTime() % 1_000_000;
		long member = structure.saveMember(stockholm, null, new Forms.MemberForm("REGION", name, "", false));
		Referrer entry = unitNotStated(stockholm, member);
		assertThat(entry.name()).isEqualTo(name + " – enhet ej angiven");
		assertThatThrownBy(() -> structure.deleteReferrer(stockholm, entry.id())).isInstanceOf(ValidationException.class);

		structure.saveMember(stockholm, member, new Forms.MemberForm("REGION", name + " ny", "", false));
		assertThat(unitNotStated(stockholm, member).name()).isEqualTo(name + " ny – enhet ej angiven");

		structure.deleteMember(stockholm, member);
		assertThat(structure.referrers(stockholm)).noneMatch(r -> r.id() == entry.id());
	}

	@Test
	void aStartReferredByTheMemberAloneCountsUnderTheMember() throws Exception {
		long stockholm = associationId("stockholm");
		var fk = structure.members(stockholm).stream().filter(m -> m.name().equals("Försäkringskassan")).findFirst().orElseThrow();
		long entry = unitNotStated(stockholm, fk.id()).id();
		long finsam = jdbc.sql("select id from intervention where association_id = ? and name = 'FINSAM-team'").param(stockholm)
			.query(Long.class).single();
		LocalDate day = LocalDate.of(2025, 3, 12);
		ReportPeriod period = new ReportPeriod(day, day);
		Counts before = underMember(stockholm, period, String.valueOf(fk.id()));

		String number = "19850312-777" + luhn("850312777");
		mvc.perform(post("/api/v1/associations/stockholm/interventions/" + finsam + "/enrollments")
				.header("Authorization", "Bearer samsyn-demo-kansli").contentType(MediaType.APPLICATION_JSON).content("""
						{"personnummer": "%s", "consent": true, "consentDate": "2025-03-12", "startDate": "2025-03-12",
						 "referrerId": %d}
						""".formatted(number, entry)))
			.andExpect(status().isCreated());

		assertThat(underMember(stockholm, period, String.valueOf(fk.id())).total()).isEqualTo(before.total() + 1);
	}

	/** The check digit of a personnummer's nine digits. */
	private static int luhn(String nine) {
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
			sum += d > 9 ? d - 9 : d;
		}
		return (10 - sum % 10) % 10;
	}

	private Counts underMember(long associationId, ReportPeriod period, String memberId) {
		FollowupFigures figures = reports.figures(associationId, period, InterventionScope.all());
		FollowupFigures.Row row = figures.breakdown("referrerMember").row(memberId);
		return row == null ? Counts.ZERO : row.counts();
	}

	private Referrer unitNotStated(long associationId, long memberId) {
		return structure.referrers(associationId).stream().filter(r -> !r.unitStated() && r.memberId() == memberId)
			.findFirst().orElseThrow();
	}
}
