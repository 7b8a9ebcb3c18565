package dk.tilsynsspor.core.casework.query;

import dk.tilsynsspor.core.security.Actor;

/** The cases whose team the requesting professional is on ("Mine sager"), most recently active first. */
public record FindMyCases(
        Actor requester) {
}
