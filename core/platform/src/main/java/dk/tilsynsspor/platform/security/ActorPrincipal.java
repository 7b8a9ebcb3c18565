package dk.tilsynsspor.platform.security;

import dk.tilsynsspor.core.security.Actor;

/**
 * A signed-in principal that knows which actor of the domain it is: a demo user, or a user signed in to the pages
 * through the organisation's identity provider. {@link CurrentActor} reads the actor from it.
 */
public interface ActorPrincipal {

    Actor actor();
}
