package dk.tilsynsspor.core.casework;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * The erasure receipt: the key of the case's personal data was destroyed when this was stored, so every
 * {@link dk.tilsynsspor.core.privacy.PersonalData personal} text of the case now reads as erased. It holds no
 * personal data itself.
 */
@Revision("1")
public record CitizenForgotten(
        UUID caseId,
        UUID orderId,
        String reason) implements CaseEvent {
}
