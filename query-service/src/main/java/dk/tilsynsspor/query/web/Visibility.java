package dk.tilsynsspor.query.web;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;

import java.util.Collection;

/**
 * Who may read what (the table of roles in the domain specification): inspectors everything about their own
 * authority's orders, leaders everything of their own organisation, professionals the cases whose team they are on.
 */
public final class Visibility {

    private Visibility() {
    }

    /** Whether the actor's role reads orders at all (professionals read the cases they work on). */
    public static boolean readsOrders(Actor actor) {
        return actor.role() != Role.PROFESSIONAL;
    }

    /** An order's dossier, trail and exports. */
    public static boolean canSeeOrder(Actor actor, String authorityId, String organisationId) {
        return switch (actor.role()) {
            case INSPECTOR -> actor.scope().equals(authorityId);
            case LEADER -> actor.scope().equals(organisationId);
            case PROFESSIONAL -> false;
        };
    }

    /** A case view: as for its order, and for the professionals on its team. */
    public static boolean canSeeCase(Actor actor, String authorityId, String organisationId,
                                     Collection<String> team) {
        return canSeeOrder(actor, authorityId, organisationId)
                || actor.role() == Role.PROFESSIONAL && actor.scope().equals(organisationId)
                && team.contains(actor.id());
    }
}
