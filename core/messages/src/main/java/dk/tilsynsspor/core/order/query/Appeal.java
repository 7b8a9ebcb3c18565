package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.order.AppealOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A complaint to Ankestyrelsen about the order and, once recorded, its decision ({@code outcome} null until then). */
public record Appeal(
        UUID appealId,
        LocalDate lodgedOn,
        List<UUID> requirementIds,
        boolean late,
        Instant registeredAt,
        String registeredBy,
        AppealOutcome outcome,
        LocalDate decidedOn,
        String reason,
        Instant decidedAt,
        String decidedBy) {

    public Appeal decided(AppealOutcome decision, LocalDate on, String why, Instant at, String by) {
        return new Appeal(appealId, lodgedOn, requirementIds, late, registeredAt, registeredBy, decision, on, why,
                at, by);
    }
}
