package dk.tilsynsspor.command.access;

import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;

import java.util.Arrays;
import java.util.Collection;

/**
 * Who may do what (the table of roles in the domain specification): inspectors for their own authority's orders,
 * leaders within their own organisation, professionals on the cases whose team they are on, and only as themselves.
 */
public final class Access {

    private Access() {
    }

    /** An inspector of the authority that imposed (or imposes) the order. */
    public static void assertInspectorOf(Actor actor, String authorityId) {
        assertRole(actor, Role.INSPECTOR);
        if (!actor.scope().equals(authorityId)) {
            throw forbidden("not-your-authority", "Only inspectors of " + authorityId + " may do this.");
        }
    }

    /** A leader of the organisation the order is imposed on, or the case belongs to. */
    public static void assertLeaderOf(Actor actor, String organisationId) {
        assertRole(actor, Role.LEADER);
        assertMemberOf(actor, organisationId);
    }

    /** A professional on the team, acting as themselves. */
    public static void assertProfessionalOnTeam(Actor actor, String organisationId, Collection<String> team,
                                                String professionalId) {
        assertRole(actor, Role.PROFESSIONAL);
        assertMemberOf(actor, organisationId);
        if (!actor.id().equals(professionalId)) {
            throw forbidden("not-yourself", "You can act only as yourself (" + actor.id() + "), not as "
                    + professionalId + ".");
        }
        if (!team.contains(actor.id())) {
            throw forbidden("not-on-your-team", "Professional " + actor.id() + " is not on the team of this case.");
        }
    }

    /** A leader of the organisation, or a professional of it on the team. */
    public static void assertLeaderOrTeamMember(Actor actor, String organisationId, Collection<String> team) {
        assertRole(actor, Role.LEADER, Role.PROFESSIONAL);
        assertMemberOf(actor, organisationId);
        if (actor.role() == Role.PROFESSIONAL && !team.contains(actor.id())) {
            throw forbidden("not-on-your-team", "Professional " + actor.id() + " is not on the team of this case.");
        }
    }

    private static void assertMemberOf(Actor actor, String organisationId) {
        if (!actor.scope().equals(organisationId)) {
            throw forbidden("not-your-organisation", "Only people of " + organisationId + " may do this.");
        }
    }

    private static void assertRole(Actor actor, Role... roles) {
        if (actor == null) {
            throw forbidden("no-actor", "The command names no authenticated actor.");
        }
        if (Arrays.stream(roles).noneMatch(role -> role == actor.role())) {
            throw forbidden("wrong-role", "This is for " + Arrays.toString(roles).toLowerCase()
                    .replaceAll("[\\[\\]]", "") + ", not for a " + actor.role().name().toLowerCase() + ".");
        }
    }

    private static RuleViolation forbidden(String code, String detail) {
        return RuleViolation.forbidden(code, detail);
    }
}
