package se.samsyn.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The master key for encrypting secrets and personal data at rest.
 *
 * @param key base64 of 32 random bytes; required outside the embedded database
 * @param keyFile where the embedded default keeps a generated key
 */
@ConfigurationProperties("samsyn.crypto")
public record CryptoProperties(String key, Path keyFile) {
}
