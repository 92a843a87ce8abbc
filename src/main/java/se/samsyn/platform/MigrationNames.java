package se.samsyn.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Migrations are named after the module that owns their tables ({@code V…__followup_…}); a few were named otherwise
 * before that rule. A database migrated then keeps the old descriptions in its schema history, which Flyway would
 * refuse as a mismatch: before validating, the old description of each renamed version is set to the new one. The
 * scripts themselves are unchanged, so their checksums still match.
 */
@Component
class MigrationNames implements Callback {

	/** Version → the description it had before, and the one it has now. */
	static final Map<String, String[]> RENAMED = Map.of(
			"202611230710", new String[] { "report indexes", "followup report indexes" },
			"202611231500", new String[] { "import staging", "followup import staging" },
			"202611231510", new String[] { "enrollment gender", "followup enrollment gender" });

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		Connection connection = context.getConnection();
		String table = context.getConfiguration().getTable();
		try {
			String schema = context.getConfiguration().getDefaultSchema() != null
					? context.getConfiguration().getDefaultSchema() : connection.getSchema();
			if (!exists(connection, schema, table)) {
				return;
			}
			String history = "\"" + schema + "\".\"" + table + "\"";
			for (var rename : RENAMED.entrySet()) {
				try (PreparedStatement update = connection.prepareStatement(
						"update " + history + " set description = ? where version = ? and description = ?")) {
					update.setString(1, rename.getValue()[1]);
					update.setString(2, rename.getKey());
					update.setString(3, rename.getValue()[0]);
					update.executeUpdate();
				}
			}
		}
		catch (SQLException e) {
			throw new FlywayException("Could not bring renamed migrations' descriptions up to date", e);
		}
	}

	private static boolean exists(Connection connection, String schema, String table) throws SQLException {
		try (ResultSet tables = connection.getMetaData().getTables(null, schema, table, null)) {
			return tables.next();
		}
	}

	@Override
	public String getCallbackName() {
		return "samsyn-migration-names";
	}
}
