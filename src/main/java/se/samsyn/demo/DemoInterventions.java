package se.samsyn.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import se.samsyn.access.UserManagement;
import se.samsyn.association.AssociationStructure;
import se.samsyn.catalog.Catalog;
import se.samsyn.catalog.CatalogForm;
import se.samsyn.intervention.InterventionCommand;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationDirectory;
import se.samsyn.platform.AssociationRef;

/**
 * The insatser of the seeds' plans, from {@code demo/interventions.yml}: Stockholm's Tabell 5 with its
 * expected results for 2025, Östra Södertörn's 2013 and Södertälje's 2018. Loaded as the förbund's
 * administrator would register them, through the same service and rules.
 */
@Component
class DemoInterventions {

	private final Interventions interventions;
	private final AssociationStructure structure;
	private final AssociationDirectory directory;
	private final UserManagement users;
	private final Catalog catalog;

	DemoInterventions(Interventions interventions, AssociationStructure structure, AssociationDirectory directory,
			UserManagement users, Catalog catalog) {
		this.interventions = interventions;
		this.structure = structure;
		this.directory = directory;
		this.users = users;
		this.catalog = catalog;
	}

	void load(Map<String, Long> associationIds) {
		Map<String, Object> data = read("demo/interventions.yml");
		DemoLoaderUser.run(associationIds.values(), () -> {
			Map<String, Long> ids = new HashMap<>();
			for (Map<String, Object> item : list(data, "interventions")) {
				AssociationRef association = directory.findByCode((String) item.get("association")).orElseThrow();
				long id = interventions.create(association, command(association, item));
				ids.put(association.code() + "/" + item.get("name"), id);
				if (Boolean.TRUE.equals(item.get("demoLeader"))) {
					long leader = users.idOf("demo-projektledare").orElseThrow();
					interventions.setLeaders(association, id, List.of(leader), java.util.Set.of(leader));
				}
			}
			loadCatalog(ids);
		});
	}

	/** The public catalogue texts of {@code demo/catalog.yml}, published unless marked as a draft. */
	private void loadCatalog(Map<String, Long> ids) {
		for (Map<String, Object> item : list(read("demo/catalog.yml"), "entries")) {
			String key = item.get("association") + "/" + item.get("intervention");
			Long id = ids.get(key);
			if (id == null) {
				throw new IllegalStateException("demo/catalog.yml names an unknown insats: " + key);
			}
			AssociationRef association = directory.findByCode((String) item.get("association")).orElseThrow();
			var form = new CatalogForm((String) item.get("forWhom"), text(item.get("minAge")), text(item.get("maxAge")),
					(String) item.get("whatYouGet"), (String) item.get("where"), (String) item.get("openingHours"),
					(String) item.get("howToGetThere"), (Boolean) item.get("selfReferral"), strings(item, "referrerKinds"),
					(String) item.get("contact"), (String) item.get("languages"), (String) item.get("accessibility"));
			catalog.save(association, id, form, Boolean.FALSE.equals(item.get("published"))
					? Catalog.Publication.KEEP : Catalog.Publication.PUBLISH);
		}
	}

	private InterventionCommand command(AssociationRef association, Map<String, Object> item) {
		Map<String, Long> members = new HashMap<>();
		structure.members(association.id()).forEach(member -> members.put(member.name(), member.id()));
		Map<String, Long> districts = new HashMap<>();
		structure.districts(association.id()).forEach(district -> districts.put(district.name(), district.id()));
		List<Long> memberIds = strings(item, "members").stream().map(name -> require(members, name)).toList();
		List<Long> districtIds = strings(item, "districts").stream().map(name -> require(districts, name)).toList();
		List<InterventionCommand.BudgetLine> budgets = new ArrayList<>();
		for (Map<String, Object> line : list(item, "budgets")) {
			budgets.add(new InterventionCommand.BudgetLine(integer(line.get("year")), whole(line.get("amountKr")),
					integer(line.get("plannedParticipants")), whole(line.get("actualKr"))));
		}
		List<InterventionCommand.TargetDefinition> targets = new ArrayList<>();
		for (Map<String, Object> target : list(item, "targets")) {
			targets.add(new InterventionCommand.TargetDefinition(integer(target.get("year")), (String) target.get("text"),
					(String) target.get("metric"), (String) target.get("comparator"), decimal(target.get("threshold")),
					decimal(target.get("tolerance")), strings(target, "exitReasons"), (String) target.get("referrerKind"),
					integer(target.get("months")), (Boolean) target.get("includePartly")));
		}
		List<InterventionCommand.Cofinancing> cofinancing = new ArrayList<>();
		for (Map<String, Object> line : list(item, "cofinancing")) {
			cofinancing.add(new InterventionCommand.Cofinancing((String) line.get("funder"), (String) line.get("project"),
					integer(line.get("year")), whole(line.get("amountKr"))));
		}
		return new InterventionCommand((String) item.get("name"), (String) item.get("shortDescription"),
				(String) item.get("description"), (String) item.get("kind"), (String) item.get("followUp"),
				(String) item.get("status"), text(item.get("startDate")), text(item.get("endDate")),
				(String) item.get("owner"), (String) item.get("locations"), (String) item.get("evaluator"), memberIds,
				strings(item, "targetGroups"), districtIds, budgets, targets, cofinancing, List.of());
	}

	private static long require(Map<String, Long> ids, String name) {
		Long id = ids.get(name);
		if (id == null) {
			throw new IllegalStateException("demo/interventions.yml names an unknown member or district: " + name);
		}
		return id;
	}

	private static Map<String, Object> read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		Object value = map.get(key);
		return value == null ? List.of() : (List<Map<String, Object>>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Map<String, Object> map, String key) {
		Object value = map.get(key);
		return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
	}

	private static Integer integer(Object value) {
		return value == null ? null : ((Number) value).intValue();
	}

	private static Long whole(Object value) {
		return value == null ? null : ((Number) value).longValue();
	}

	private static BigDecimal decimal(Object value) {
		return value == null ? null : new BigDecimal(value.toString());
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}
}
