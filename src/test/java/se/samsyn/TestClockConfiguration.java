package se.samsyn;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts the {@link MutableClock} in front of the application's clock; every "now" in Samsyn comes from it. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	MutableClock testClock(@Qualifier("clock") Clock application) {
		return new MutableClock(application);
	}
}
