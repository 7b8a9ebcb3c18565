package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.security.Actor;

/** The orders the requester may see, optionally narrowed to one organisation and one status. */
public record FindOrders(Actor requester, String organisationId, OrderStatus status) {
}
