package se.samsyn.association;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.access.Grant;
import se.samsyn.access.Role;
import se.samsyn.access.UserManagement;
import se.samsyn.association.AssociationViews.AssociationDetails;
import se.samsyn.association.Forms.AssociationForm;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.platform.Checks;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.SwedishFormat;

/** The förbund themselves: creating one, and its own details. */
@Service
public class Associations {

	private static final String CODE_PATTERN = "[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?";

	private final JdbcClient jdbc;
	private final UserManagement users;
	private final AuditLog audit;
	private final Clock clock;

	Associations(JdbcClient jdbc, UserManagement users, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long create(String code, String name) {
		Checks checks = new Checks();
		String cleanCode = code == null ? "" : code.trim();
		checks.check(cleanCode.matches(CODE_PATTERN), "code", "association.code.invalid");
		if (checks.ok()) {
			checks.check(jdbc.sql("select count(*) from association where code = ?").param(cleanCode)
				.query(Long.class).single() == 0, "code", "association.code.taken");
		}
		String cleanName = checks.text(name, 200, "name");
		checks.throwIfAny();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into association (code, name, national_reporting, created_at) values (?, ?, false, ?)")
			.params(cleanCode, cleanName, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record(AuditAction.ASSOCIATION_CREATED, id, AuditTarget.ASSOCIATION, String.valueOf(id), cleanCode);
		return id;
	}

	/**
	 * Creates a förbund with its first administrator, who gets a one-time password. Either both
	 * are saved or neither.
	 */
	@Transactional
	public CreatedAssociation createWithAdmin(String code, String name, String adminUsername, String adminName) {
		long id = create(code, name);
		var admin = users.create(new UserManagement.NewUser(adminUsername, adminName, null, null,
				List.of(new Grant(id, Role.ASSOCIATION_ADMIN))));
		return new CreatedAssociation(id, admin);
	}

	public record CreatedAssociation(long id, UserManagement.CreatedUser admin) {
	}

	public AssociationDetails get(long id) {
		return jdbc.sql("select * from association where id = ?")
			.param(id)
			.query((rs, n) -> new AssociationDetails(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("org_number"), rs.getObject("founded_on", LocalDate.class),
					rs.getBoolean("national_reporting")))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	public List<AssociationDetails> all() {
		return jdbc.sql("select * from association")
			.query((rs, n) -> new AssociationDetails(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("org_number"), rs.getObject("founded_on", LocalDate.class),
					rs.getBoolean("national_reporting")))
			.list()
			.stream().sorted(java.util.Comparator.comparing(AssociationDetails::name, SwedishFormat.ORDER)).toList();
	}

	@Transactional
	public void update(long id, AssociationForm form) {
		Checks checks = new Checks();
		String name = checks.text(form.name(), 200, "name");
		String orgNumber = form.orgNumber() == null || form.orgNumber().isBlank() ? null : form.orgNumber().trim();
		checks.check(orgNumber == null || OrgNumber.valid(orgNumber), "orgNumber", "association.orgNumber.invalid");
		LocalDate founded = checks.optionalDate(form.foundedOn(), "foundedOn");
		checks.check(founded == null || !founded.isAfter(LocalDate.now(clock)), "foundedOn", "association.founded.future");
		checks.throwIfAny();
		int updated = jdbc.sql("update association set name = ?, org_number = ?, founded_on = ?, national_reporting = ? where id = ?")
			.params(name, orgNumber == null ? null : OrgNumber.normalise(orgNumber), founded, form.reportsNationally(), id)
			.update();
		if (updated == 0) {
			throw new NotFoundException();
		}
		audit.record(AuditAction.ASSOCIATION_UPDATED, id, AuditTarget.ASSOCIATION, String.valueOf(id), null);
	}

	/** Swedish organisation numbers: ten digits, the last a Luhn check digit. */
	static final class OrgNumber {

		private OrgNumber() {
		}

		static boolean valid(String value) {
			String digits = value.replace("-", "");
			if (!digits.matches("\\d{10}") || !value.matches("\\d{6}-?\\d{4}")) {
				return false;
			}
			int sum = 0;
			for (int i = 0; i < 10; i++) {
				int d = digits.charAt(i) - '0';
				if (i % 2 == 0) {
					d *= 2;
					if (d > 9) {
						d -= 9;
					}
				}
				sum += d;
			}
			return sum % 10 == 0;
		}

		static String normalise(String value) {
			String digits = value.replace("-", "");
			return digits.substring(0, 6) + "-" + digits.substring(6);
		}
	}
}
