package dk.tilsynsspor.command.lookup;

import java.util.Optional;
import java.util.UUID;

/** The insights recorded on cases, as the command side knows them: for verifications that cite them. */
public interface InsightDirectory {

    /** Where an insight was recorded: the order and requirement it serves. */
    record RecordedInsight(UUID insightId, UUID orderId, UUID requirementId) {
    }

    Optional<RecordedInsight> findInsight(UUID insightId);
}
