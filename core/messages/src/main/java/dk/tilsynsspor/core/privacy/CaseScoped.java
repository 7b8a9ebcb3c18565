package dk.tilsynsspor.core.privacy;

import java.util.UUID;

/**
 * A message that may concern one citizen case: its {@link PersonalData personal} texts are sealed under that case's
 * key when {@link #caseId()} is set, and stay clear when it is not (a document attached to an order's requirement).
 */
public interface CaseScoped {

    /** The case whose key seals the personal texts, or null when the message concerns no case. */
    UUID caseId();
}
