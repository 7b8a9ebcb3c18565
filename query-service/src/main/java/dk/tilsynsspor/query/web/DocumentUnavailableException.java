package dk.tilsynsspor.query.web;

import dk.tilsynsspor.core.order.query.DocumentCheck.Outcome;

/** A document whose kept file cannot be given: altered or missing (the trail disagrees), or erased on purpose. */
public class DocumentUnavailableException extends RuntimeException {

    private final Outcome outcome;

    public DocumentUnavailableException(Outcome outcome, String detail) {
        super(detail);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
