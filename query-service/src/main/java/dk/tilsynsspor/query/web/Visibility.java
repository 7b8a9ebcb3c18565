package dk.tilsynsspor.query.web;

import dk.tilsynsspor.core.security.Actor;

/** Inspectors see the orders of their own authority; leaders and professionals those of their organisation. */
public final class Visibility {

    private Visibility() {
    }

    public static boolean canSee(Actor actor, String authorityId, String organisationId) {
        return actor.role().scopedToAuthority()
                ? actor.scope().equals(authorityId)
                : actor.scope().equals(organisationId);
    }
}
