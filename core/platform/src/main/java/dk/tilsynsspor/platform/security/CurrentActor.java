package dk.tilsynsspor.platform.security;

import dk.tilsynsspor.core.security.Actor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The actor of the current request, always from the authenticated principal, never from a request body. */
public class CurrentActor {

    public Actor get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no authenticated actor"));
    }

    /** The actor, or empty for an anonymous request (the login page). */
    public Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor()); // a demo user, or signed in to the pages through the provider
        }
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor); // from a bearer token (ActorTokens)
        }
        return Optional.empty();
    }
}
