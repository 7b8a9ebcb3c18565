package dk.tilsynsspor.query.trail;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One event in an order's trail, as stored by {@link OrderTrailProjection}. */
public record TrailEntry(
        UUID orderId,
        long globalIndex,
        String eventId,
        String aggregateId,
        long aggregateSequence,
        String eventType,
        String payloadType,
        Instant recordedAt,
        String actorId,
        String actorRole,
        String actorScope,
        String reason,
        JsonNode payload,
        String hash) {
}
