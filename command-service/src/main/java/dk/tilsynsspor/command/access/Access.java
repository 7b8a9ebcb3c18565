package dk.tilsynsspor.command.access;

import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.core.security.Visibility;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Who may do what (the table of roles in the domain specification): inspectors for their own authority's orders,
 * leaders within their own organisation, professionals on the cases whose team they are on, and only as themselves.
 * <p>
 * On an order or case that exists, whoever may not see it is told it does not exist ({@link #NOT_VISIBLE}, answered
 * exactly as an unknown id), so that no answer tells an outsider what exists; whoever may see it but not do this is
 * refused (403). On something new, the actor's role and scope decide (403).
 */
public final class Access {

    /** The code of a command to an order or case the actor may not see: answered as if it did not exist. */
    public static final String NOT_VISIBLE = "not-visible";

    private Access() {
    }

    /** A command on an existing order, by one of {@code roles}. */
    public static void onOrder(Actor actor, String authorityId, String organisationId, Role... roles) {
        requireActor(actor);
        if (!Visibility.canSeeOrder(actor, authorityId, organisationId)) {
            throw notVisible();
        }
        assertRole(actor, roles);
    }

    /**
     * A command on an existing case, by one of {@code roles}. The authority of the order it serves is asked for only
     * when an inspector sends it.
     */
    public static void onCase(Actor actor, Supplier<String> authorityId, String organisationId,
                              Map<String, String> team, Role... roles) {
        requireActor(actor);
        if (!Visibility.canSeeCase(actor, authorityId, organisationId, team)) {
            throw notVisible();
        }
        assertRole(actor, roles);
    }

    /** Something new, for the authority or organisation {@code scope}, by {@code role} of that scope. */
    public static void creates(Actor actor, Role role, String scope) {
        requireActor(actor);
        assertRole(actor, role);
        if (!actor.scope().equals(scope)) {
            throw RuleViolation.forbidden(role == Role.INSPECTOR ? "not-your-authority" : "not-your-organisation",
                    "Only " + role.name().toLowerCase() + "s of " + scope + " may do this.");
        }
    }

    /** A professional acts only as themselves. */
    public static void actsAsThemselves(Actor actor, String professionalId) {
        if (actor.role() == Role.PROFESSIONAL && !actor.id().equals(professionalId)) {
            throw RuleViolation.forbidden("not-yourself", "You can act only as yourself (" + actor.id()
                    + "), not as " + professionalId + ".");
        }
    }

    private static void requireActor(Actor actor) {
        if (actor == null) {
            throw RuleViolation.forbidden("no-actor", "The command names no authenticated actor.");
        }
    }

    private static void assertRole(Actor actor, Role... roles) {
        if (Arrays.stream(roles).noneMatch(role -> role == actor.role())) {
            throw RuleViolation.forbidden("wrong-role", "This is for " + Arrays.toString(roles).toLowerCase()
                    .replaceAll("[\\[\\]]", "") + ", not for a " + actor.role().name().toLowerCase() + ".");
        }
    }

    private static RuleViolation notVisible() {
        return RuleViolation.notFound(NOT_VISIBLE, "There is nothing with this id that you may see.");
    }
}
