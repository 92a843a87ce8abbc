package se.samsyn.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.intervention.InterventionScope;
import se.samsyn.platform.ValidationException;

/**
 * One entry for the report page, its exports and the API: checks the selection against what the
 * user may see, counts the period and the one before, measures the targets, suppresses as the reader requires.
 */
@Service
public class FollowupReportPages {

	private final ReportAccess access;
	private final FollowupReports reports;
	private final TargetFulfilment targets;
	private final MessageSource messages;
	private final AuditLog audit;
	private final java.time.Clock clock;

	FollowupReportPages(ReportAccess access, FollowupReports reports, TargetFulfilment targets, MessageSource messages,
			AuditLog audit, java.time.Clock clock) {
		this.access = access;
		this.reports = reports;
		this.targets = targets;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** A report and what it was made from. */
	public record Report(ReportAccess.Grant grant, List<Long> selection, ReportView view,
			List<TargetFulfilment.Measured> targets) {
	}

	/**
	 * The report of a period and a selection. A protected report (the board, a publication) is made only for a
	 * standard period (a calendar quarter, half-year or year) and for all the reader's insatser or one of them:
	 * two protected reports then never differ by a few days' or a few insatser's records, which is what an attacker
	 * would compare to single out a person. Exact reports take any dates and any selection.
	 */
	public Report report(String associationCode, String from, String to, List<Long> interventionIds, boolean publication) {
		ReportAccess.Grant grant = access.grant(associationCode);
		ReportPeriod period = period(from, to);
		List<Long> selection = grant.select(interventionIds);
		boolean suppressed = grant.suppressed(publication);
		if (suppressed) {
			requireStandard(period);
			if (selection.size() > 1 && !Set.copyOf(selection).equals(Set.copyOf(grant.select(null)))) {
				throw ValidationException.of("insats", "report.selection.protected");
			}
		}
		long associationId = grant.association().id();
		List<FollowupFigures> figures = reports.figures(associationId, List.of(period, period.previous()),
				InterventionScope.only(selection));
		ReportView view = ReportView.of(figures.get(0), figures.get(1), suppressed,
				key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
		List<TargetFulfilment.Measured> measured = targets.measure(grant.association(), period, selection, LocalDate.now(clock),
				suppressed);
		audit.record(AuditAction.REPORT_VIEWED, associationId, AuditTarget.REPORT, "followup", period.from() + "–" + period.to()
				+ (suppressed ? ", skyddade tal" : ", exakta tal") + ", " + selection.size() + " insatser");
		return new Report(grant, selection, view, measured);
	}

	/** Refuses a period that is not a calendar quarter, half-year or year, naming those that are. */
	static void requireStandard(ReportPeriod period) {
		if (!period.isStandard()) {
			throw ValidationException.of("from", "report.period.standard");
		}
	}

	/** The period asked for, or the last whole half-year before today. */
	public ReportPeriod period(String from, String to) {
		return ReportPeriod.parse(from, to, LocalDate.now(clock));
	}
}
