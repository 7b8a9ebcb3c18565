package dk.tilsynsspor.core.order.query;

import java.util.UUID;

/**
 * Whether a kept file still is the one its event names: {@code INTACT} (its sha256 is the event's), {@code ALTERED}
 * (the bytes, or their seal, were changed), {@code MISSING} (no bytes kept), or {@code ERASED} (a case's document
 * whose citizen was forgotten: shredded on purpose, not tampered with).
 */
public record DocumentCheck(UUID documentId, String expectedSha256, String actualSha256, Outcome outcome) {

    public enum Outcome { INTACT, ALTERED, MISSING, ERASED }

    /** Whether this speaks against the trail: an altered or missing file. */
    public boolean tampered() {
        return outcome == Outcome.ALTERED || outcome == Outcome.MISSING;
    }
}
