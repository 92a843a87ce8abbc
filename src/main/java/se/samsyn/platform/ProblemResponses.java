package se.samsyn.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an API operation really answers, each as RFC 9457 problem details: the OpenAPI document
 * lists them, so a client knows which to handle. 401 needs no listing: every operation that takes a token has it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemResponses {

	/** HTTP statuses, e.g. {@code {400, 403, 404}}. */
	int[] value();
}
