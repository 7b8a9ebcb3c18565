package dk.tilsynsspor.core.order;

import java.util.UUID;

/** An event of one supervisory order: it belongs in that order's audit trail. */
public interface OrderEvent {

    UUID orderId();
}
