package dk.tilsynsspor.core.order;

/**
 * How an order ended: {@code COMPLIED} (every requirement settled), {@code WITHDRAWN} (by the authority, with a
 * reason), {@code NOT_COMPLIED} (with a reason; e.g. the matter goes on as a sanction), {@code ANNULLED} (after an
 * appeal).
 */
public enum OrderOutcome {
    COMPLIED,
    WITHDRAWN,
    NOT_COMPLIED,
    ANNULLED
}
