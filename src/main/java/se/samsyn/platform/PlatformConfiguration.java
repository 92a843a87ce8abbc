package se.samsyn.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
@EnableScheduling
class PlatformConfiguration implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

	private final UploadLimit uploads;

	PlatformConfiguration(UploadLimit uploads) {
		this.uploads = uploads;
	}

	/** "Today" is Sweden's today whatever the host's zone: a start registered just after midnight is not in the future. */
	@Bean
	Clock clock() {
		return Clock.system(SwedishFormat.SWEDEN);
	}

	@Bean
	SecretBox secretBox(CryptoProperties properties, Installation installation) {
		if (properties.key() != null && !properties.key().isBlank()) {
			return new SecretBox(Base64.getDecoder().decode(properties.key().trim()));
		}
		if (!installation.embeddedDatabase()) {
			throw new IllegalStateException(
					"SAMSYN_CRYPTO_KEY must be set (base64 of 32 random bytes) when Samsyn runs on PostgreSQL");
		}
		return new SecretBox(embeddedKey(properties.keyFile()));
	}

	/** The embedded database keeps its generated key beside it, readable by the owner only. */
	private static byte[] embeddedKey(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			EmbeddedDatabaseFolder.createFolder(file.toAbsolutePath().getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system; the data folder's own permissions apply.
			}
			log.info("Generated a new encryption key in {}", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the encryption key file " + file, ex);
		}
	}

	/**
	 * Samsyn's PostgreSQL connections run without the JIT compiler (unless the installation sets its own
	 * connection SQL): compiling took about 50 ms of each grouped report read over a million episodes and
	 * gains nothing on queries of Samsyn's size.
	 */
	@Bean
	static BeanPostProcessor postgresWithoutJit() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
						&& hikari.getJdbcUrl().startsWith("jdbc:postgresql:") && hikari.getConnectionInitSql() == null) {
					hikari.setConnectionInitSql("set jit = off");
				}
				return bean;
			}
		};
	}

	/** The embedded database's folder is made private before H2 opens it and creates its files there. */
	@Bean
	static BeanPostProcessor privateEmbeddedDatabaseFolder() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari) {
					EmbeddedDatabaseFolder.databaseOf(hikari.getJdbcUrl()).ifPresent(EmbeddedDatabaseFolder::prepare);
				}
				return bean;
			}
		};
	}

	/** Before every other filter but the one that sets the request's character encoding. */
	@Bean
	FilterRegistrationBean<UnreadableRequests> unreadableRequests() {
		FilterRegistrationBean<UnreadableRequests> registration = new FilterRegistrationBean<>(new UnreadableRequests());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("samsyn-lang");
		resolver.setDefaultLocale(LanguageInterceptor.SWEDISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageInterceptor());
		registry.addInterceptor(uploads);
	}
}
