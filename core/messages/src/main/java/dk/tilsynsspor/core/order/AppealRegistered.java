package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code late}: lodged more than four weeks after the order was issued (recorded, not refused). */
@Revision("1")
public record AppealRegistered(
        UUID orderId,
        UUID appealId,
        LocalDate lodgedOn,
        List<UUID> requirementIds,
        boolean late) implements OrderEvent {
}
