package dk.tilsynsspor.core.casework.query;

import dk.tilsynsspor.core.security.Actor;

/**
 * The cases whose team the requesting professional is on ("Mine sager"): every open one, and of the closed ones the
 * {@code closedAtMost} most recently closed (a professional's closed cases grow with the years; the page shows the
 * latest and more on request).
 */
public record FindMyCases(
        Actor requester,
        int closedAtMost) {

    public FindMyCases {
        if (closedAtMost < 0) {
            throw new IllegalArgumentException("closedAtMost must not be negative: " + closedAtMost);
        }
    }
}
