package se.samsyn.association.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.samsyn.platform.AssociationDirectory;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.SwedishFormat;

@Component
class JdbcAssociationDirectory implements AssociationDirectory {

	private static final Comparator<AssociationRef> BY_NAME = Comparator.comparing(AssociationRef::name, SwedishFormat.ORDER);

	private final JdbcClient jdbc;

	JdbcAssociationDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<AssociationRef> findByCode(String code) {
		if (code == null || code.length() > 40) {
			return Optional.empty();
		}
		return jdbc.sql("select id, code, name from association where code = ?").param(code)
			.query(AssociationRef.class).optional();
	}

	@Override
	public List<AssociationRef> findByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id, code, name from association where id in (:ids) ")
			.param("ids", ids)
			.query(AssociationRef.class)
			.list()
			.stream().sorted(BY_NAME).toList();
	}

	@Override
	public List<AssociationRef> all() {
		return jdbc.sql("select id, code, name from association ").query(AssociationRef.class).list()
			.stream().sorted(BY_NAME).toList();
	}

	@Override
	public List<AssociationRef> withNationalReporting() {
		return jdbc.sql("select id, code, name from association where national_reporting ")
			.query(AssociationRef.class).list()
			.stream().sorted(BY_NAME).toList();
	}
}
