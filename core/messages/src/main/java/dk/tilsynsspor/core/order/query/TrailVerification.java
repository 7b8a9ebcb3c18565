package dk.tilsynsspor.core.order.query;

import java.util.UUID;

/**
 * The outcome of recomputing an order's hash chain: intact, or the first sequence of the trail whose stored event
 * no longer matches (changed, missing or out of place). {@code headHash} is the chain's last hash as stored, so a
 * kept export can be compared with it.
 */
public record TrailVerification(
        UUID orderId,
        boolean intact,
        long entries,
        Long firstBrokenSequence,
        String headHash) {
}
