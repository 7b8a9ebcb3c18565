package dk.tilsynsspor.core.order.query;

/** Where an organisation's request for a later deadline stands. */
public enum ExtensionRequestStatus {
    OPEN,
    GRANTED,
    REFUSED
}
