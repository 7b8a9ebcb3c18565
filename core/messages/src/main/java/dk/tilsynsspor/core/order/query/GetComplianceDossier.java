package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.security.Actor;

import java.time.Instant;
import java.util.UUID;

/** The dossier of one order; with {@code asOf}, as it stood at that instant (null: now). */
public record GetComplianceDossier(Actor requester, UUID orderId, Instant asOf) {
}
