package dk.tilsynsspor.core.casework;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Revision("1")
public record LearningSessionHeld(
        UUID caseId,
        UUID orderId,
        UUID sessionId,
        LocalDate heldOn,
        String facilitator,
        List<String> participantIds,
        List<UUID> requirementIds) implements CaseEvent {
}
