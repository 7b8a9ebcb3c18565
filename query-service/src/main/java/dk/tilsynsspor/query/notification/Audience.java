package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.core.security.Role;

/** Who a notification is for: the users of a role in an authority or organisation, or one user by id. */
record Audience(Role role, String scope, String user) {

    static Audience leadersOf(String organisationId) {
        return new Audience(Role.LEADER, organisationId, null);
    }

    static Audience inspectorsOf(String authorityId) {
        return new Audience(Role.INSPECTOR, authorityId, null);
    }

    static Audience user(String userId) {
        return new Audience(null, null, userId);
    }

    /** Part of the notification's key: the same fact is told to each audience once. */
    String key() {
        return user != null ? "user:" + user : role.name() + ":" + scope;
    }
}
