package dk.tilsynsspor.core.order.query;

/**
 * Where an order stands as a whole: a notice (partshøring) that lapsed or was imposed; then imposed, acknowledged,
 * with requirements awaiting the authority's decision, every requirement accepted, closed. Skærpet tilsyn is shown
 * beside it ({@code escalated}).
 */
public enum OrderStatus {
    NOTICE,
    LAPSED,
    IMPOSED,
    ACKNOWLEDGED,
    REPORT_SUBMITTED,
    ACCEPTED,
    CLOSED;

    /** The order no longer stands: closed, or a notice that lapsed. */
    public boolean ended() {
        return this == CLOSED || this == LAPSED;
    }
}
