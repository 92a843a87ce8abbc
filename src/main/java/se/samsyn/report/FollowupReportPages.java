package se.samsyn.report;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import se.samsyn.audit.AuditLog;

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

	public Report report(String associationCode, String from, String to, List<Long> interventionIds, boolean publication) {
		ReportAccess.Grant grant = access.grant(associationCode);
		ReportPeriod period = period(from, to);
		List<Long> selection = grant.select(interventionIds);
		boolean suppressed = grant.suppressed(publication);
		long associationId = grant.association().id();
		List<FollowupFigures> figures = reports.figures(associationId, List.of(period, period.previous()), selection);
		ReportView view = ReportView.of(figures.get(0), figures.get(1), suppressed,
				key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
		List<TargetFulfilment.Measured> measured = targets.measure(grant.association(), period, selection, LocalDate.now(clock))
			.stream().map(m -> suppressed ? m.suppressed() : m).toList();
		audit.record("REPORT_VIEWED", associationId, "report", "followup", period.from() + "–" + period.to()
				+ (suppressed ? ", skyddade tal" : ", exakta tal") + ", " + selection.size() + " insatser");
		return new Report(grant, selection, view, measured);
	}

	/** The period asked for, or the last whole half-year before today. */
	public ReportPeriod period(String from, String to) {
		return ReportPeriod.parse(from, to, LocalDate.now(clock));
	}
}
