package dk.tilsynsspor.query.eventstore;

import org.axonframework.eventhandling.TrackingToken;

/** Where a tracking token stands in the store's global index, as one number. */
public final class TokenPositions {

    private TokenPositions() {
    }

    /** The global index up to which {@code token} has handled the store; -1 before its first event (or no token). */
    public static long of(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
