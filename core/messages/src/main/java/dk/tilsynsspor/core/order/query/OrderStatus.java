package dk.tilsynsspor.core.order.query;

/** Where an order stands as a whole. */
public enum OrderStatus {
    IMPOSED,
    ACKNOWLEDGED,
    REPORT_SUBMITTED,
    ACCEPTED,
    CLOSED
}
