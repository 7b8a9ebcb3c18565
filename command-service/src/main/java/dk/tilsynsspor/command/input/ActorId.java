package dk.tilsynsspor.command.input;

import dk.tilsynsspor.core.security.ActorIds;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The id of a person, authority or organisation as the identity provider names it (a token's {@code sub}, its
 * {@code authorityId} or {@code organisationId}): 1 to 200 letters, digits and {@code . _ @ : | + -}, no spaces.
 */
@Documented
@Constraint(validatedBy = {})
@Size(min = 1, max = ActorIds.MAX_LENGTH)
@Pattern(regexp = ActorIds.PATTERN)
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ActorId {

    /** In the request's language: {@code ValidationMessages.properties}, and {@code _da} for Danish. */
    String message() default "{dk.tilsynsspor.command.input.ActorId.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
