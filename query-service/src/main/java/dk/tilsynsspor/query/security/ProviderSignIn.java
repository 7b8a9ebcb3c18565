package dk.tilsynsspor.query.security;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.platform.security.ActorPrincipal;
import dk.tilsynsspor.platform.security.ActorTokens;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The pages signed in through the organisation's OpenID Connect provider: the authorization code flow with PKCE,
 * the user's claims mapped to the actor exactly as the API maps a bearer token's ({@link ActorTokens}: {@code sub},
 * {@code role}, {@code authorityId} or {@code organisationId}), and logging out ending the session at the provider
 * too (RP-initiated logout), back to the login page. A user whose claims name no actor is not signed in.
 */
final class ProviderSignIn {

    static final String LOGGED_OUT = "{baseUrl}/login?logget-ud";

    private ProviderSignIn() {
    }

    static void configure(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler providerLogout =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        providerLogout.setPostLogoutRedirectUri(LOGGED_OUT);
        http.oauth2Login(login -> login
                        .loginPage("/login")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(actors()))
                        .failureUrl("/login?error=provider"))
                .logout(logout -> logout.logoutSuccessHandler(providerLogout));
    }

    /**
     * The providers' origins, for the pages' {@code form-action}: logging out is a form whose answer sends the
     * browser on to the provider's end-session endpoint, which the browser allows only to origins listed there.
     */
    static String origins(ClientRegistrationRepository registrations) {
        if (!(registrations instanceof Iterable<?> all)) {
            return "";
        }
        Set<String> origins = new TreeSet<>();
        for (Object each : all) {
            ClientRegistration registration = (ClientRegistration) each;
            Object endSession = registration.getProviderDetails().getConfigurationMetadata()
                    .get("end_session_endpoint");
            for (String address : new String[] {registration.getProviderDetails().getAuthorizationUri(),
                    endSession == null ? null : endSession.toString()}) {
                if (address != null) {
                    URI uri = URI.create(address);
                    origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
                }
            }
        }
        return origins.stream().map(origin -> " " + origin).collect(Collectors.joining());
    }

    /** The provider's user as an actor, or no sign-in if the claims do not name one. */
    static OAuth2UserService<OidcUserRequest, OidcUser> actors() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            Actor actor;
            try {
                actor = ActorTokens.actorOf(user);
            } catch (AuthenticationException noActor) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_actor", noActor.getMessage(),
                        null), noActor);
            }
            return new ActorOidcUser(actor, user);
        };
    }

    /** A user signed in through the provider, knowing which actor they are. */
    static final class ActorOidcUser extends DefaultOidcUser implements ActorPrincipal {

        private final Actor actor;

        ActorOidcUser(Actor actor, OidcUser user) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())), user.getIdToken(),
                    user.getUserInfo(), "sub");
            this.actor = actor;
        }

        @Override
        public Actor actor() {
            return actor;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ActorOidcUser that && super.equals(that) && actor.equals(that.actor);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
