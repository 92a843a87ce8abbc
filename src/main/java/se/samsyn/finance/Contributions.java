package se.samsyn.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.association.AssociationStructure;
import se.samsyn.association.AssociationViews.Member;
import se.samsyn.association.MemberKind;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.finance.ContributionSplit.Municipality;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.Checks;
import se.samsyn.platform.Kronor;
import se.samsyn.platform.ValidationException;

/** The members' contributions per year: the kansli enters the total and the populations, Samsyn splits. */
@Service
public class Contributions {

	private final JdbcClient jdbc;
	private final AssociationStructure structure;
	private final AuditLog audit;

	Contributions(JdbcClient jdbc, AssociationStructure structure, AuditLog audit) {
		this.jdbc = jdbc;
		this.structure = structure;
		this.audit = audit;
	}

	/** One member's part of the year's contributions; {@code paidBy} names who pays it when not the member. */
	public record MemberPart(long memberId, String name, MemberKind kind, Kronor amount, String paidBy) {
	}

	public record YearContributions(int year, Kronor total, LocalDate populationDate, Map<Long, Long> populations,
			List<MemberPart> members, Map<Long, Long> offers, Binding binding) {
	}

	/** The whole the members' offers carry together, and the member whose offer sets it. */
	public record Binding(long memberId, String memberName, Kronor total) {
	}

	public List<Integer> years(AssociationRef association) {
		return jdbc.sql("select contribution_year from contribution_year where association_id = ? order by contribution_year")
			.param(association.id()).query(Integer.class).list();
	}

	public Optional<YearContributions> year(AssociationRef association, int year) {
		return jdbc.sql("select id, total_kr, population_date from contribution_year where association_id = ? and contribution_year = ?")
			.params(association.id(), year)
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getLong("total_kr"), rs.getObject("population_date", LocalDate.class) })
			.optional()
			.map(row -> {
				Map<Long, Long> populations = new HashMap<>();
				jdbc.sql("select municipality_id, population from contribution_population where contribution_year_id = ?")
					.param((Long) row[0])
					.query((rs, n) -> populations.put(rs.getLong(1), rs.getLong(2))).list();
				Map<Long, Long> offers = new HashMap<>();
				jdbc.sql("select member_id, offer_kr from contribution_offer where contribution_year_id = ?")
					.param((Long) row[0])
					.query((rs, n) -> offers.put(rs.getLong(1), rs.getLong(2))).list();
				return new YearContributions(year, Kronor.of((Long) row[1]), (LocalDate) row[2], populations,
						split(association, (Long) row[1], populations), offers, binding(association, populations, offers));
			});
	}

	/** Saves the year's total and populations; refused, with nothing saved, when the split cannot be made. */
	@Transactional
	public void save(AssociationRef association, int year, String totalKr, String populationDate,
			Map<Long, String> populations) {
		save(association, year, totalKr, populationDate, populations, Map.of());
	}

	/**
	 * Saves the year's total, populations and, optionally, each member's decided offer. Offers are
	 * given for every paying member or for none.
	 */
	@Transactional
	public void save(AssociationRef association, int year, String totalKr, String populationDate,
			Map<Long, String> populations, Map<Long, String> offers) {
		Checks checks = new Checks();
		checks.check(year >= 2000 && year <= 2100, "year", "budget.year.range");
		Long total = checks.optionalWhole(totalKr, "totalKr");
		checks.check(total != null, "totalKr", "validation.required");
		checks.check(total == null || total >= 0, "totalKr", "validation.negative");
		checks.check(total == null || total <= 100_000_000_000L, "totalKr", "validation.tooLarge");
		LocalDate date = checks.optionalDate(populationDate, "populationDate");
		Map<Long, Long> parsed = new HashMap<>();
		List<Member> municipalities = municipalityMembers(association);
		for (Member member : municipalities) {
			Long population = checks.optionalWhole(populations.get(member.municipalityId()), "population-" + member.municipalityId());
			checks.check(population == null || population > 0, "population-" + member.municipalityId(), "contribution.population.positive");
			checks.check(population != null || municipalities.size() == 1, "population-" + member.municipalityId(),
					"contribution.population.required");
			if (population != null) {
				parsed.put(member.municipalityId(), population);
			}
		}
		checks.check(!municipalities.isEmpty(), "totalKr", "contribution.municipality.missing");
		Map<Long, Long> parsedOffers = new HashMap<>();
		List<Member> payers = payers(association);
		for (Member payer : payers) {
			Long offer = checks.optionalWhole(offers.get(payer.id()), "offer-" + payer.id());
			checks.check(offer == null || offer >= 0, "offer-" + payer.id(), "validation.negative");
			checks.check(offer == null || offer <= 100_000_000_000L, "offer-" + payer.id(), "validation.tooLarge");
			if (offer != null) {
				parsedOffers.put(payer.id(), offer);
			}
		}
		checks.check(parsedOffers.isEmpty() || parsedOffers.size() == payers.size(), "offers", "contribution.offers.all");
		checks.check(structure.members(association.id()).stream().anyMatch(member -> member.kind() == MemberKind.REGION),
				"totalKr", "contribution.region.missing");
		checks.check(statePayer(structure.members(association.id())) != null, "totalKr", "contribution.state.missing");
		checks.throwIfAny();
		jdbc.sql("delete from contribution_year where association_id = ? and contribution_year = ?").params(association.id(), year).update();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into contribution_year (association_id, contribution_year, total_kr, population_date) values (?, ?, ?, ?)")
			.params(association.id(), year, total, date).update(keys, "id");
		long id = keys.getKey().longValue();
		parsed.forEach((municipality, population) -> jdbc.sql(
				"insert into contribution_population (contribution_year_id, municipality_id, population) values (?, ?, ?)")
			.params(id, municipality, population).update());
		parsedOffers.forEach((member, offer) -> jdbc.sql(
				"insert into contribution_offer (contribution_year_id, member_id, offer_kr) values (?, ?, ?)")
			.params(id, member, offer).update());
		audit.record(AuditAction.CONTRIBUTIONS_SAVED, association.id(), AuditTarget.CONTRIBUTION_YEAR, String.valueOf(year), String.valueOf(total));
	}

	private List<MemberPart> split(AssociationRef association, long total, Map<Long, Long> populations) {
		List<Member> members = structure.members(association.id());
		List<Member> municipalities = municipalityMembers(association);
		List<Municipality> weights = municipalities.stream()
			.map(member -> new Municipality(String.valueOf(member.id()), populations.getOrDefault(member.municipalityId(), 1L)))
			.toList();
		if (weights.isEmpty()) {
			// The förbund's last municipality was removed after the year was saved: nothing to split by.
			return List.of();
		}
		var parts = ContributionSplit.of(total, weights);
		Member statePayer = statePayer(members);
		List<Member> regions = members.stream().filter(member -> member.kind() == MemberKind.REGION).toList();
		List<Long> regionParts = regions.isEmpty() ? List.of() : LargestRemainder.split(parts.region(),
				regions.stream().map(region -> 1L).toList());
		List<MemberPart> out = new ArrayList<>();
		for (Member member : members) {
			switch (member.kind()) {
				case STATE -> out.add(member == statePayer
						? new MemberPart(member.id(), member.name(), member.kind(), Kronor.of(parts.state()), null)
						: new MemberPart(member.id(), member.name(), member.kind(), Kronor.ZERO, statePayer == null ? null : statePayer.name()));
				case REGION -> out.add(new MemberPart(member.id(), member.name(), member.kind(),
						Kronor.of(regionParts.get(regions.indexOf(member))), null));
				case MUNICIPALITY -> out.add(new MemberPart(member.id(), member.name(), member.kind(),
						Kronor.of(parts.municipalities().getOrDefault(String.valueOf(member.id()), 0L)), null));
			}
		}
		return out;
	}

	/** The members who pay: Försäkringskassan for the state, the region(s) and the municipalities. */
	public List<Member> payers(AssociationRef association) {
		List<Member> members = structure.members(association.id());
		return members.stream().filter(member -> member.kind() != MemberKind.STATE || member.statePayer()).toList();
	}

	private static Member statePayer(List<Member> members) {
		return members.stream().filter(Member::statePayer).findFirst().orElse(null);
	}

	private Binding binding(AssociationRef association, Map<Long, Long> populations, Map<Long, Long> offers) {
		List<Member> members = structure.members(association.id());
		Member state = statePayer(members);
		List<Member> regions = members.stream().filter(member -> member.kind() == MemberKind.REGION).toList();
		List<Member> municipalities = municipalityMembers(association);
		if (offers.isEmpty() || state == null || regions.size() != 1 || !offers.containsKey(state.id())) {
			return null;
		}
		Map<String, Long> municipalOffers = new HashMap<>();
		municipalities.forEach(member -> municipalOffers.put(String.valueOf(member.id()), offers.getOrDefault(member.id(), 0L)));
		var result = ContributionSplit.binding(new ContributionSplit.Offers(offers.get(state.id()),
				offers.getOrDefault(regions.get(0).id(), 0L), municipalOffers),
				municipalities.stream().map(member -> new Municipality(String.valueOf(member.id()),
						populations.getOrDefault(member.municipalityId(), 1L))).toList(),
				String.valueOf(state.id()), String.valueOf(regions.get(0).id()));
		long memberId = Long.parseLong(result.bindingPayer());
		String name = members.stream().filter(member -> member.id() == memberId).findFirst().map(Member::name).orElse("");
		return new Binding(memberId, name, Kronor.of(result.total()));
	}

	private List<Member> municipalityMembers(AssociationRef association) {
		return structure.members(association.id()).stream()
			.filter(member -> member.kind() == MemberKind.MUNICIPALITY && member.municipalityId() != null)
			.toList();
	}
}
