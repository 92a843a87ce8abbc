package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(SamsynApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndAllowedDependencies() {
		modules.verify();
	}

	@Test
	void reportsReadTheFollowupThroughItsStatistics() {
		var report = modules.getModuleByName("report").orElseThrow();
		var followup = modules.getModuleByName("followup").orElseThrow();
		assertThat(report.getDirectDependencies(modules).uniqueModules()).contains(followup);
		assertThat(followup.getNamedInterfaces().getByName("statistics")).isPresent();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
