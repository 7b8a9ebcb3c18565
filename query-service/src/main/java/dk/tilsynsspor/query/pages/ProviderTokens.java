package dk.tilsynsspor.query.pages;

import org.springframework.boot.autoconfigure.security.oauth2.client.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The access token the identity provider gave the signed-in user, for relaying to command-service: refreshed by
 * Spring Security's authorized client manager when it has expired (if the provider gave a refresh token). Exists
 * only where the pages sign in through a provider.
 */
@Component
@ConditionalOnOAuth2ClientRegistrationProperties
class ProviderTokens {

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager clients;

    ProviderTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService authorizedClients) {
        this.clients = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        this.clients.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
    }

    boolean signedIn(Authentication authentication) {
        return authentication instanceof OAuth2AuthenticationToken;
    }

    String accessToken(Authentication authentication) {
        OAuth2AuthenticationToken signedIn = (OAuth2AuthenticationToken) authentication;
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest
                .withClientRegistrationId(signedIn.getAuthorizedClientRegistrationId())
                .principal(authentication)
                .build());
        if (client == null) {
            throw new AuthenticationCredentialsNotFoundException("the identity provider gave no access token");
        }
        return client.getAccessToken().getTokenValue();
    }
}
