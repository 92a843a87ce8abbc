package se.samsyn.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.platform.AssociationDirectory;
import se.samsyn.platform.AssociationRef;
import se.samsyn.followup.statistics.Counts;

/**
 * The follow-up across the förbund that take part in national reporting, for the national analyst:
 * always suppressed, per förbund only who started and ended, and the combined breakdowns – no insatser,
 * no targets, nothing that names a unit of one förbund.
 */
@Service
public class NationalReports {

	private final AccessControl access;
	private final AssociationDirectory directory;
	private final FollowupReports reports;
	private final MessageSource messages;
	private final AuditLog audit;
	private final Clock clock;

	NationalReports(AccessControl access, AssociationDirectory directory, FollowupReports reports,
			MessageSource messages, AuditLog audit, Clock clock) {
		this.access = access;
		this.directory = directory;
		this.reports = reports;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The national report: the förbund included, started and ended per förbund (women, men, totals, the
	 * previous period's totals), and the combined figures; the tables are null when no förbund takes part.
	 */
	public record NationalReport(ReportPeriod period, ReportPeriod previousPeriod, List<AssociationRef> associations,
			ReportView.Table started, ReportView.Table ended, ReportView combined) {

		public boolean suppressed() {
			return true;
		}
	}

	/**
	 * Refused (403) for anyone without {@link Permission#NATIONAL_AGGREGATES}; every view is audited per förbund,
	 * the entries of all the förbund in one transaction (one commit, not eighty).
	 */
	@Transactional
	public NationalReport report(String from, String to) {
		access.requireGlobal(Permission.NATIONAL_AGGREGATES);
		ReportPeriod period = ReportPeriod.parse(from, to, LocalDate.now(clock));
		FollowupReportPages.requireStandard(period);
		List<AssociationRef> associations = directory.withNationalReporting();
		if (associations.isEmpty()) {
			return new NationalReport(period, period.previous(), associations, null, null, null);
		}
		Function<String, String> text = key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
		List<String> codes = associations.stream().map(AssociationRef::code).toList();
		List<String> names = associations.stream().map(AssociationRef::name).toList();
		List<Long> ids = associations.stream().map(AssociationRef::id).toList();
		long labelsOf = ids.get(0);
		List<FollowupReports.NationalFigures> figures = reports.national(ids, labelsOf, List.of(period, period.previous()));
		FollowupReports.NationalFigures now = figures.get(0);
		FollowupReports.NationalFigures then = figures.get(1);
		ReportView.Table started = perAssociation("nationalStarted", FollowupFigures.Population.STARTED, ids, codes, names,
				now.started(), then.started(), text);
		ReportView.Table ended = perAssociation("nationalEnded", FollowupFigures.Population.ENDED, ids, codes, names,
				now.ended(), then.ended(), text);
		ReportView combined = ReportView.of(now.combined(), then.combined(), true, text);
		for (AssociationRef association : associations) {
			audit.record(AuditAction.NATIONAL_REPORT_VIEWED, association.id(), AuditTarget.REPORT, "national-followup",
					period.from() + "–" + period.to() + ", skyddade tal, " + associations.size() + " förbund");
		}
		return new NationalReport(period, period.previous(), associations, started, ended, combined);
	}

	private static ReportView.Table perAssociation(String key, FollowupFigures.Population population, List<Long> ids,
			List<String> codes, List<String> names, Map<Long, Counts> now, Map<Long, Counts> then,
			Function<String, String> text) {
		return ReportView.table(key, population, codes, names,
				ids.stream().map(id -> now.getOrDefault(id, Counts.ZERO)).toList(),
				ids.stream().map(id -> then.getOrDefault(id, Counts.ZERO)).toList(), true, true, text);
	}
}
