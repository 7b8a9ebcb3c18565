package dk.tilsynsspor.query.pages;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.platform.security.DemoUserProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who a form's command is sent as: the signed-in user, never the service itself. Signed in through the identity
 * provider, the user's own access token goes along (token relay, {@link ProviderTokens}); signed in as a demo user,
 * command-service's demo users take the same name and the shared demo password. Either way command-service
 * decides as it does for any client.
 */
@Component
class IdentityRelay {

    private final CurrentActor currentActor;
    private final DemoUserProperties demoUsers;
    private final ObjectProvider<ProviderTokens> providerTokens;

    IdentityRelay(CurrentActor currentActor, DemoUserProperties demoUsers,
                  ObjectProvider<ProviderTokens> providerTokens) {
        this.currentActor = currentActor;
        this.demoUsers = demoUsers;
        this.providerTokens = providerTokens;
    }

    /** The {@code Authorization} header that makes command-service see the signed-in user. */
    String authorization() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        ProviderTokens tokens = providerTokens.getIfAvailable();
        if (tokens != null && tokens.signedIn(authentication)) {
            return "Bearer " + tokens.accessToken(authentication);
        }
        Actor actor = currentActor.get();
        if (!demoUsers.enabled()) {
            throw new AuthenticationCredentialsNotFoundException("no identity to relay for " + actor.id());
        }
        String credentials = actor.id() + ":" + demoUsers.password();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
