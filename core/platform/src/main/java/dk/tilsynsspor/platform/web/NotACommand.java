package dk.tilsynsspor.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write route that is no command of the domain: it records no event, so it reads neither {@code X-Reason} nor
 * {@code Idempotency-Key}, and the API's document ({@link ApiDocumentation}) says what it answers as for a read
 * (query-service's marking of a user's own notifications read).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NotACommand {
}
