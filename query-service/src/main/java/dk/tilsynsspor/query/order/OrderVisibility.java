package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.security.Actor;

/** Inspectors see the orders of their own authority; leaders and professionals those of their organisation. */
final class OrderVisibility {

    private OrderVisibility() {
    }

    static boolean canSee(Actor actor, String authorityId, String organisationId) {
        return actor.role().scopedToAuthority()
                ? actor.scope().equals(authorityId)
                : actor.scope().equals(organisationId);
    }
}
