package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/** The organisation's answer to the notice; {@code version} 2 and on replace the earlier answer before the due date. */
@Revision("1")
public record NoticeResponded(
        UUID orderId,
        int version,
        String response,
        List<Remedy> remedies) implements OrderEvent {
}
