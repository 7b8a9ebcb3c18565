package dk.tilsynsspor.core.security;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Who may see what (the table of roles in the domain specification), the one rule for commands and reads alike:
 * inspectors everything about their own authority's orders, leaders everything of their own organisation,
 * professionals the cases whose team they are on, whatever the case's organisation (a psychologist of regional
 * psychiatry on a residential unit's case), and nothing else of that organisation.
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

    /**
     * A case: as for the order it serves, and for the professionals on its team, each of their own home
     * organisation ({@code team}: professional id → home organisation). The authority of that order is asked for
     * only when an inspector asks (it may take a lookup).
     */
    public static boolean canSeeCase(Actor actor, Supplier<String> authorityId, String organisationId,
                                     Map<String, String> team) {
        return switch (actor.role()) {
            case INSPECTOR -> actor.scope().equals(authorityId.get());
            case LEADER -> actor.scope().equals(organisationId);
            case PROFESSIONAL -> actor.scope().equals(team.get(actor.id()));
        };
    }
}
