package se.samsyn.followup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Once an hour, throws away the imports left in review for longer than {@link FollowupImports#STAGED_AT_MOST}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportExpiry {

	private static final Logger log = LoggerFactory.getLogger(ImportExpiry.class);

	private final FollowupImports imports;

	ImportExpiry(FollowupImports imports) {
		this.imports = imports;
	}

	@Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
	void expire() {
		int expired = imports.expireStaged();
		if (expired > 0) {
			log.info("Threw away {} imports not saved within {} days", expired, FollowupImports.STAGED_AT_MOST.toDays());
		}
	}
}
