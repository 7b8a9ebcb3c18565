package dk.tilsynsspor.query.trail;

/** An order as a case names it: its reference, and whether it is closed (the case may go on after it). */
public record OrderReference(String reference, boolean closed) {
}
