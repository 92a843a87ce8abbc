package se.samsyn.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.audit.AuditLog;
import se.samsyn.platform.AssociationDirectory;
import se.samsyn.platform.AssociationRef;
import se.samsyn.report.FollowupFigures.Counts;
import se.samsyn.report.ReportStore.Scope;

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
	private final ReportStore store;
	private final MessageSource messages;
	private final AuditLog audit;
	private final Clock clock;

	NationalReports(AccessControl access, AssociationDirectory directory, FollowupReports reports, ReportStore store,
			MessageSource messages, AuditLog audit, Clock clock) {
		this.access = access;
		this.directory = directory;
		this.reports = reports;
		this.store = store;
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

	/** Refused (403) for anyone without {@link Permission#NATIONAL_AGGREGATES}; every view is audited per förbund. */
	public NationalReport report(String from, String to) {
		access.requireGlobal(Permission.NATIONAL_AGGREGATES);
		ReportPeriod period = ReportPeriod.parse(from, to, LocalDate.now(clock));
		List<AssociationRef> associations = directory.withNationalReporting();
		if (associations.isEmpty()) {
			return new NationalReport(period, period.previous(), associations, null, null, null);
		}
		Function<String, String> text = key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
		List<String> codes = associations.stream().map(AssociationRef::code).toList();
		List<String> names = associations.stream().map(AssociationRef::name).toList();
		ReportView.Table started = perAssociation("nationalStarted", true, associations, codes, names, period, text);
		ReportView.Table ended = perAssociation("nationalEnded", false, associations, codes, names, period, text);
		List<Long> ids = associations.stream().map(AssociationRef::id).toList();
		long labelsOf = ids.get(0);
		ReportView combined = ReportView.of(reports.figures(ids, labelsOf, period, null),
				reports.figures(ids, labelsOf, period.previous(), null), true, text);
		for (AssociationRef association : associations) {
			audit.record("NATIONAL_REPORT_VIEWED", association.id(), "report", "national-followup",
					period.from() + "–" + period.to() + ", skyddade tal, " + associations.size() + " förbund");
		}
		return new NationalReport(period, period.previous(), associations, started, ended, combined);
	}

	private ReportView.Table perAssociation(String key, boolean started, List<AssociationRef> associations,
			List<String> codes, List<String> names, ReportPeriod period, Function<String, String> text) {
		List<Counts> now = new ArrayList<>();
		List<Counts> then = new ArrayList<>();
		for (AssociationRef association : associations) {
			Scope scope = new Scope(List.of(association.id()), null);
			now.add(count(store.episodes(scope, period), period, started));
			then.add(count(store.episodes(scope, period.previous()), period.previous(), started));
		}
		return ReportView.table(key, started ? FollowupFigures.Population.STARTED : FollowupFigures.Population.ENDED, codes,
				names, now, then, true, true, text);
	}

	/** Women and men who started (or ended) in the period among the episodes that touch it. */
	private static Counts count(List<ReportStore.Episode> episodes, ReportPeriod period, boolean started) {
		long women = 0;
		long men = 0;
		for (ReportStore.Episode episode : episodes) {
			java.time.LocalDate date = started ? episode.startDate() : episode.endDate();
			if (date != null && period.contains(date)) {
				if (episode.woman()) {
					women++;
				}
				else {
					men++;
				}
			}
		}
		return new Counts(women, men);
	}
}
