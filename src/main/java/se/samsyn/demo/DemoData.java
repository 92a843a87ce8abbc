package se.samsyn.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import se.samsyn.access.ApiTokens;
import se.samsyn.access.Grant;
import se.samsyn.access.Role;
import se.samsyn.access.UserManagement;
import se.samsyn.association.AssociationStructure;
import se.samsyn.association.Associations;
import se.samsyn.association.Forms;
import se.samsyn.platform.Installation;

/**
 * Demo mode. On an empty embedded database (or any empty database with {@code samsyn.demo.mode=always},
 * which the test suite uses for PostgreSQL) loads the förbund of {@code demo/associations.yml} and the
 * demo accounts. Never when the database already has a user, so a real installation is never touched.
 */
@Component
class DemoData implements SmartInitializingSingleton {

	static final String PASSWORD = "samsyn-demo";
	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final String mode;
	private final Installation installation;
	private final UserManagement users;
	private final ApiTokens tokens;
	private final Associations associations;
	private final AssociationStructure structure;
	private final DemoInterventions interventions;
	private final DemoParticipants participants;
	private final se.samsyn.finance.Contributions contributions;
	private final se.samsyn.finance.Budgets budgets;
	private final se.samsyn.platform.AssociationDirectory directory;

	DemoData(@Value("${samsyn.demo.mode:auto}") String mode, Installation installation, UserManagement users,
			ApiTokens tokens, Associations associations, AssociationStructure structure,
			DemoInterventions interventions, DemoParticipants participants,
			se.samsyn.finance.Contributions contributions, se.samsyn.finance.Budgets budgets,
			se.samsyn.platform.AssociationDirectory directory) {
		this.mode = mode;
		this.installation = installation;
		this.users = users;
		this.tokens = tokens;
		this.associations = associations;
		this.structure = structure;
		this.interventions = interventions;
		this.participants = participants;
		this.contributions = contributions;
		this.budgets = budgets;
		this.directory = directory;
	}

	/**
	 * Runs once every bean is ready but before the web server takes requests, so the login page never
	 * answers before the demo accounts exist.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		boolean wanted = switch (mode) {
			case "always" -> true;
			case "auto" -> installation.embeddedDatabase();
			default -> false;
		};
		if (!wanted || users.hasAnyUser()) {
			return;
		}
		Map<String, Object> data;
		try (InputStream in = new ClassPathResource("demo/associations.yml").getInputStream()) {
			data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		// Another instance starting on the same database at the same time may have loaded it while this one waited.
		boolean loaded = installation.underStartLock(() -> {
			if (users.hasAnyUser()) {
				return false;
			}
			load(data);
			return true;
		});
		if (!loaded) {
			return;
		}
		log.info("Demo mode: loaded the seeds' förbund and the demo accounts (password '{}')", PASSWORD);
	}

	private void load(Map<String, Object> data) {
		Map<String, Long> associationIds = new HashMap<>();
		for (Map<String, Object> association : list(data, "associations")) {
			String code = (String) association.get("code");
			long id = associations.create(code, (String) association.get("name"));
			associationIds.put(code, id);
			associations.update(id, new Forms.AssociationForm((String) association.get("name"), null,
					(String) association.get("foundedOn"), Boolean.TRUE.equals(association.get("nationalReporting"))));
			loadStructure(id, association);
		}
		for (Map<String, Object> user : list(data, "users")) {
			String username = (String) user.get("username");
			List<Grant> grants = new ArrayList<>();
			@SuppressWarnings("unchecked")
			Map<String, List<String>> roles = (Map<String, List<String>>) user.get("roles");
			roles.forEach((scope, names) -> names.forEach(role -> grants.add(
					new Grant("installation".equals(scope) ? null : associationIds.get(scope), Role.valueOf(role)))));
			var created = users.create(new UserManagement.NewUser(username, (String) user.get("name"), null, PASSWORD, grants));
			tokens.createKnown(created.id(), grants.get(0).associationId(), "Demonyckel",
					"samsyn-demo-" + username.substring("demo-".length()), Instant.parse("2099-12-31T12:00:00Z"));
		}
		interventions.load(associationIds);
		participants.load(associationIds.values());
		loadContributions();
		loadBudgets();
		installation.markAsDemo();
	}

	/**
	 * The contributions the seeds state. A förbund with several municipalities needs their
	 * populations to split its quarter; the seeds give none, so those years are left for the kansli.
	 */
	private void loadContributions() {
		Map<String, Object> data;
		try (InputStream in = new ClassPathResource("demo/contributions.yml").getInputStream()) {
			data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		for (Map<String, Object> item : list(data, "contributions")) {
			var association = directory.findByCode((String) item.get("association")).orElseThrow();
			boolean severalMunicipalities = structure.municipalities(association.id()).size() > 1;
			if (severalMunicipalities && item.get("populations") == null) {
				continue;
			}
			contributions.save(association, ((Number) item.get("year")).intValue(), String.valueOf(item.get("totalKr")),
					null, Map.of());
		}
	}

	/** The budgets of the seeds' plans (drafts: the seeds do not give the adoption decisions). */
	@SuppressWarnings("unchecked")
	private void loadBudgets() {
		Map<String, Object> data;
		try (InputStream in = new ClassPathResource("demo/budgets.yml").getInputStream()) {
			data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		for (Map<String, Object> item : list(data, "budgets")) {
			var association = directory.findByCode((String) item.get("association")).orElseThrow();
			int year = ((Number) item.get("year")).intValue();
			List<se.samsyn.finance.Budgets.LineInput> lines = new ArrayList<>(lines(year, list(item, "lines")));
			for (Map<String, Object> plan : list(item, "planYears")) {
				lines.addAll(lines(((Number) plan.get("year")).intValue(), list(plan, "lines")));
			}
			Number opening = (Number) item.get("openingEquityKr");
			budgets.saveDraft(association, year, opening == null ? 0L : opening.longValue(), lines);
		}
	}

	private static List<se.samsyn.finance.Budgets.LineInput> lines(int year, List<Map<String, Object>> lines) {
		return lines.stream().map(line -> new se.samsyn.finance.Budgets.LineInput(year, (String) line.get("code"),
				(String) line.get("name"), (String) line.get("group"), ((Number) line.get("amountKr")).longValue())).toList();
	}

	private void loadStructure(long associationId, Map<String, Object> association) {
		Map<String, Long> municipalities = new HashMap<>();
		Map<String, Long> districts = new HashMap<>();
		Map<String, Long> members = new HashMap<>();
		for (Map<String, Object> municipality : list(association, "municipalities")) {
			long id = structure.saveMunicipality(associationId, null,
					new Forms.MunicipalityForm((String) municipality.get("code"), (String) municipality.get("name")));
			municipalities.put((String) municipality.get("code"), id);
			@SuppressWarnings("unchecked")
			List<String> names = (List<String>) municipality.getOrDefault("districts", List.of());
			for (String district : names) {
				districts.put(district, structure.saveDistrict(associationId, null,
						new Forms.DistrictForm(String.valueOf(id), district)));
			}
		}
		for (Map<String, Object> member : list(association, "members")) {
			Long municipality = municipalities.get((String) member.get("municipality"));
			members.put((String) member.get("name"), structure.saveMember(associationId, null, new Forms.MemberForm(
					(String) member.get("kind"), (String) member.get("name"), text(municipality),
					Boolean.TRUE.equals(member.get("statePayer")))));
		}
		for (Map<String, Object> referrer : list(association, "referrers")) {
			structure.saveReferrer(associationId, null, new Forms.ReferrerForm(
					text(members.get((String) referrer.get("member"))), text(districts.get((String) referrer.get("district"))),
					(String) referrer.get("name"), Boolean.TRUE.equals(referrer.get("self")), true));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.getOrDefault(key, List.of());
	}

	private static String text(Long id) {
		return id == null ? "" : id.toString();
	}
}
