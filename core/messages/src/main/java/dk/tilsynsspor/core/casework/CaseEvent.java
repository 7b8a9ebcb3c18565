package dk.tilsynsspor.core.casework;

import dk.tilsynsspor.core.privacy.CaseScoped;

import java.util.UUID;

/** An event of one citizen case: it belongs in the audit trail of the order the case serves. */
public interface CaseEvent extends CaseScoped {

    @Override
    UUID caseId();

    UUID orderId();
}
