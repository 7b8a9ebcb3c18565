package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.security.Actor;

import java.util.List;
import java.util.UUID;

/** How the deadlines of the named orders stand today; an ended order, or one the requester may not see, is left out. */
public record CountOrderDeadlines(Actor requester, List<UUID> orderIds) {

    public CountOrderDeadlines {
        orderIds = List.copyOf(orderIds);
    }
}
