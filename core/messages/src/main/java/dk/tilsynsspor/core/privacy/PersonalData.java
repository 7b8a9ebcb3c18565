package dk.tilsynsspor.core.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of an event that identifies the citizen of its case or tells about them. The event store keeps it
 * encrypted with the key of that case ({@link SealedText}); forgetting the citizen destroys the key, and the text
 * then reads as {@link PersonalFields#ERASED} everywhere. Only on {@code String} components of case events.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
}
