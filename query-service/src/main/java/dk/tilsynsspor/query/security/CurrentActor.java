package dk.tilsynsspor.query.security;

import dk.tilsynsspor.core.security.Actor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor of the current request, always from the authenticated principal, never from a request body. */
@Component
public class CurrentActor {

    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorUser user) {
            return user.actor();
        }
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return actor; // from a bearer token (ActorTokens)
        }
        throw new AuthenticationCredentialsNotFoundException("no authenticated actor");
    }
}
