package dk.tilsynsspor.command.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Digits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A measured or targeted quantity: at most 12 digits before the decimal point and 6 after, so that every value
 * can be charted, summed and compared as a number (a {@code double} holds it to the last shown digit).
 */
@Documented
@Constraint(validatedBy = {})
@Digits(integer = 12, fraction = 6)
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

    /** In the request's language: {@code ValidationMessages.properties}, and {@code _da} for Danish. */
    String message() default "{dk.tilsynsspor.command.input.Amount.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
