package dk.tilsynsspor.core.order.query;

import java.util.UUID;

/**
 * The outcome of recomputing an order's hash chain: intact, or the first sequence of the trail whose stored event
 * no longer matches (changed, missing or out of place). {@code headHash} is the chain's last hash as stored, so a
 * kept export can be compared with it. {@code documents}: each evidence document the chain's events name, its kept
 * file checked against the event's sha256; {@code intact} is false when the chain is broken or a file is altered or
 * missing. {@code unlinked}: the order's events stored but not yet sealed into the chain (ADR 28), which a moment
 * later are; the verification covers the {@code entries} sealed.
 */
public record TrailVerification(
        UUID orderId,
        boolean intact,
        long entries,
        Long firstBrokenSequence,
        String headHash,
        java.util.List<DocumentCheck> documents,
        long unlinked) {
}
