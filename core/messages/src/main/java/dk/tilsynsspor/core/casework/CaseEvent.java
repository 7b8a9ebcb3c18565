package dk.tilsynsspor.core.casework;

import java.util.UUID;

/** An event of one citizen case: it belongs in the audit trail of the order the case serves. */
public interface CaseEvent {

    UUID caseId();

    UUID orderId();
}
