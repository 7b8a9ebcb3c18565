package dk.tilsynsspor.core.casework;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record CitizenCaseClosed(
        UUID caseId,
        UUID orderId) implements CaseEvent {
}
