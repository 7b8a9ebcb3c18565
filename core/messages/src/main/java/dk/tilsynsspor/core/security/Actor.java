package dk.tilsynsspor.core.security;

import java.util.Objects;

/**
 * The authenticated person behind a command or a query: who (id), as what (role) and for whom (the authority of an
 * inspector, the organisation of a leader or professional).
 */
public record Actor(String id, Role role, String scope) {

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id");
        }
        Objects.requireNonNull(role, "an actor needs a role");
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("actor " + id + " needs an authority or organisation");
        }
    }

    public String authorityId() {
        return role.scopedToAuthority() ? scope : null;
    }

    public String organisationId() {
        return role.scopedToAuthority() ? null : scope;
    }
}
