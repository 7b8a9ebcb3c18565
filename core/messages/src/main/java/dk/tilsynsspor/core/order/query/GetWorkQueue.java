package dk.tilsynsspor.core.order.query;

import dk.tilsynsspor.core.security.Actor;

/** What waits for the requester's authority (inspectors only: anyone else is answered with an empty queue). */
public record GetWorkQueue(Actor requester) {
}
