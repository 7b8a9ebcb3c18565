package dk.tilsynsspor.command.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text that names or labels something (a reference, a title, a unit, a person's name and role, a source): on one
 * line. The text rules let every text hold line breaks, which a summary or a reason needs; in a heading, a table
 * cell or a mail's subject a line break is a fault, and an event keeps it for ever. The pages' one-line fields cannot
 * send one; an API client is told. Line feeds, carriage returns and Unicode's line and paragraph separators count.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = OneLine.NO_LINE_BREAK)
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneLine {

    /** Any text without a line break. */
    String NO_LINE_BREAK = "[^\\r\\n\\u2028\\u2029]*";

    /** In the request's language: {@code ValidationMessages.properties}, and {@code _da} for Danish. */
    String message() default "{dk.tilsynsspor.command.input.OneLine.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
