package se.samsyn.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import se.samsyn.association.AssociationStructure;
import se.samsyn.followup.AnonymousReason;
import se.samsyn.followup.EnrollmentId;
import se.samsyn.followup.Enrollments;
import se.samsyn.followup.ExitForm;
import se.samsyn.followup.JointPlans;
import se.samsyn.followup.StartForm;
import se.samsyn.intervention.InterventionFacts;
import se.samsyn.intervention.InterventionId;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationDirectory;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.ValidationException;

/**
 * Syntetiska demodeltagare — inga verkliga personer. Registers the episodes that
 * {@link SyntheticParticipants} draws from {@code demo/participants.yml} through the follow-up
 * services, as a förbund's administrator would: starts, exits, anonymous starts and FINSAM-team's
 * joint plans with their follow-ups. Runs after the demo insatser exist.
 */
@Component
class DemoParticipants {

	private static final Logger log = LoggerFactory.getLogger(DemoParticipants.class);
	// Wall time on a busy machine says little; the loader's own processor time is what a quiet one would see.
	private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

	private final Enrollments enrollments;
	private final JointPlans plans;
	private final Interventions interventions;
	private final AssociationStructure structure;
	private final AssociationDirectory directory;
	private final Clock clock;

	DemoParticipants(Enrollments enrollments, JointPlans plans, Interventions interventions,
			AssociationStructure structure, AssociationDirectory directory, Clock clock) {
		this.enrollments = enrollments;
		this.plans = plans;
		this.interventions = interventions;
		this.structure = structure;
		this.directory = directory;
		this.clock = clock;
	}

	/** What one förbund's names resolve to. */
	private record Names(AssociationRef association, Map<String, Long> interventions, Map<String, Long> referrers,
			Map<String, Long> districts, Map<String, Long> members) {
	}

	void load(Collection<Long> associationIds) {
		long started = System.nanoTime();
		long cpuStarted = CPU.getCurrentThreadCpuTime();
		SyntheticParticipants generator = new SyntheticParticipants(read("demo/participants.yml"), LocalDate.now(clock));
		int[] counts = new int[4];
		Set<Long> participants = new HashSet<>();
		DemoLoaderUser.run(associationIds, () -> {
			Map<String, Names> names = new HashMap<>();
			Map<String, SyntheticParticipants.Insats> insatser = new HashMap<>();
			Map<String, List<String>> districts = new HashMap<>();
			Map<String, String> referrerDistricts = new HashMap<>();
			for (long id : associationIds) {
				Names resolved = names(id);
				String code = resolved.association().code();
				names.put(code, resolved);
				Map<Long, String> memberNames = new HashMap<>();
				resolved.members().forEach((name, memberId) -> memberNames.put(memberId, name));
				resolved.interventions().forEach((name, interventionId) -> {
					InterventionFacts facts = interventions.facts(id, new InterventionId(interventionId)).orElseThrow();
					insatser.put(code + "/" + name, new SyntheticParticipants.Insats(facts.startDate(), facts.endDate(),
							facts.memberIds().stream().map(memberNames::get).toList()));
				});
				districts.put(code, structure.districts(id).stream().map(d -> d.name()).sorted().toList());
				structure.referrers(id).stream().filter(r -> r.districtName() != null)
					.forEach(r -> referrerDistricts.put(code + "/" + r.name(), r.districtName()));
			}
			generator.questions().forEach((code, questions) -> {
				if (names.containsKey(code)) {
					enrollments.setQuestions(names.get(code).association(), questions);
				}
			});
			for (SyntheticParticipants.Episode episode : generator.generate(insatser, districts, referrerDistricts)) {
				Names resolved = names.get(episode.association());
				Long participant;
				try {
					participant = register(resolved, episode, generator.consentVersion(), counts);
				}
				catch (ValidationException ex) {
					throw new IllegalStateException("demo/participants.yml gave a start the follow-up refuses ("
							+ episode.intervention() + ", " + episode.startDate() + "): " + ex.errors(), ex);
				}
				if (participant != null) {
					participants.add(participant);
				}
			}
		});
		log.info("Demo mode: {} synthetic participants (no real persons) with {} episodes, {} anonymous starts and {} "
				+ "joint plans, in {} ms ({} ms on the processor)", participants.size(), counts[0], counts[1], counts[2],
				(System.nanoTime() - started) / 1_000_000, (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000);
	}

	/** The förbund's codes and units, loaded once per förbund instead of once per start. */
	private final Map<Long, se.samsyn.followup.FollowupContext> contexts = new java.util.HashMap<>();

	private Long register(Names names, SyntheticParticipants.Episode episode, String consentVersion, int[] counts) {
		AssociationRef association = names.association();
		var context = contexts.computeIfAbsent(association.id(), id -> enrollments.context(association));
		InterventionId interventionId = new InterventionId(require(names.interventions(), episode.intervention()));
		String start = episode.startDate().toString();
		if (episode.anonymous()) {
			boolean protectedIdentity = AnonymousReason.PROTECTED_IDENTITY.name().equals(episode.anonymousReason());
			enrollments.start(association, interventionId, new StartForm("", "", episode.gender(), "",
					protectedIdentity ? "true" : "false", protectedIdentity ? "true" : "", "", "", "", "", start, "", "", "",
					List.of(), "", "", "", ""), context);
			counts[1]++;
			return null;
		}
		boolean identified = episode.personnummer() != null;
		var result = enrollments.start(association, interventionId, new StartForm("",
				identified ? episode.personnummer() : "", episode.gender(), identified ? "" : String.valueOf(episode.birthYear()),
				"true", "", start, consentVersion, episode.referralDate().toString(),
				String.valueOf(require(names.referrers(), episode.referrer())), start,
				episode.district() == null ? "" : String.valueOf(require(names.districts(), episode.district())),
				text(episode.education()), text(episode.timeWithoutWork()), episode.incomeSources(),
				text(episode.occupation()), text(episode.occupationExtent()), text(episode.birthRegion()),
				text(episode.disability())), context);
		counts[0]++;
		EnrollmentId enrollmentId = result.enrollmentId();
		if (episode.plan() != null) {
			List<JointPlans.ActivityForm> activities = new ArrayList<>();
			for (SyntheticParticipants.Activity activity : episode.plan().activities()) {
				activities.add(new JointPlans.ActivityForm(activity.description(),
						String.valueOf(require(names.members(), activity.memberName()))));
			}
			plans.create(association, enrollmentId, episode.plan().meetingDate().toString(), activities);
			counts[2]++;
			List<JointPlans.Activity> created = plans.plans(association, enrollmentId).get(0).activities();
			for (int i = 0; i < created.size(); i++) {
				SyntheticParticipants.Activity activity = episode.plan().activities().get(i);
				status(association, created.get(i).id(), 2, activity.after2());
				status(association, created.get(i).id(), 6, activity.after6());
				status(association, created.get(i).id(), 12, activity.after12());
			}
		}
		SyntheticParticipants.Exit exit = episode.exit();
		if (exit != null) {
			enrollments.end(association, enrollmentId, new ExitForm(exit.endDate().toString(), exit.reason(),
					text(exit.occupation()), text(exit.occupationExtent()), exit.incomeSources(), text(exit.guideSupport())), context);
		}
		return result.participantId().value();
	}

	private void status(AssociationRef association, long activityId, int months, String status) {
		if (status != null) {
			plans.setStatus(association, activityId, months, status);
		}
	}

	private Names names(long associationId) {
		AssociationRef association = directory.findByIds(List.of(associationId)).get(0);
		Map<String, Long> insatser = new HashMap<>();
		interventions.names(association).forEach((id, name) -> insatser.put(name, id));
		Map<String, Long> referrers = new HashMap<>();
		structure.referrers(associationId).forEach(r -> referrers.put(r.name(), r.id()));
		Map<String, Long> districts = new HashMap<>();
		structure.districts(associationId).forEach(d -> districts.put(d.name(), d.id()));
		Map<String, Long> members = new HashMap<>();
		structure.members(associationId).forEach(m -> members.put(m.name(), m.id()));
		return new Names(association, insatser, referrers, districts, members);
	}

	private static long require(Map<String, Long> ids, String name) {
		Long id = ids.get(name);
		if (id == null) {
			throw new IllegalStateException("demo/participants.yml names something the demo förbund lacks: " + name);
		}
		return id;
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private static Map<String, Object> read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
