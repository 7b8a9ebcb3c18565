package dk.tilsynsspor.testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;

/**
 * A real OpenID Connect provider for the sign-in tests (in a package of its own, outside query-service's, so that
 * the tests' Spring contexts of query-service never scan it): Spring Authorization Server, started in the test's JVM on a
 * port of its own, with its own login page. It knows one client (the pages, authorization code with PKCE, a refresh
 * token, RP-initiated logout) and a few users whose ID and access tokens carry the claims an organisation's provider
 * is configured to give ({@code role}, {@code authorityId} or {@code organisationId}, {@code name}, {@code email});
 * one user has no role, as a provider's user who is not meant for Tilsynsspor.
 */
public final class IdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "tilsynsspor-sider";
    public static final String CLIENT_SECRET = "it-client-secret";
    public static final String PASSWORD = "it-idp-password";

    /** The users and the claims their tokens carry. */
    static final Map<String, Map<String, String>> USERS = Map.of(
            "tilsynsfoerende", Map.of("role", "INSPECTOR", "authorityId", "socialtilsyn-hovedstaden",
                    "name", "Tove Tilsynsførende", "email", "tove@tilsyn.example"),
            "lederen", Map.of("role", "LEADER", "organisationId", "kk-handicap", "name", "Lene Leder",
                    "email", "lene@kk.example"),
            "udenrolle", Map.of("name", "Uden Rolle"));

    private final ConfigurableApplicationContext context;
    public final String issuer;

    private IdentityProvider(ConfigurableApplicationContext context, String issuer) {
        this.context = context;
        this.issuer = issuer;
    }

    /** Starts the provider for pages served at {@code pagesBaseUrl}. */
    public static IdentityProvider start(String pagesBaseUrl) {
        int port = freePort();
        String issuer = "http://localhost:" + port;
        SpringApplication application = new SpringApplication(Provider.class);
        // its own configuration, not query-service's application.yml (on the tests' class path too); its session
        // cookie named apart, as the browser sends a host's cookies to every port of it
        return new IdentityProvider(application.run("--spring.config.name=it-identity-provider",
                "--server.port=" + port, "--provider.issuer=" + issuer, "--provider.pages=" + pagesBaseUrl,
                "--spring.main.banner-mode=off", "--server.servlet.session.cookie.name=IDPSESSION"), issuer);
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain protocol(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            return http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                    .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
            USERS.keySet().forEach(name -> users.createUser(User.withUsername(name).password("{noop}" + PASSWORD)
                    .roles("USER").build()));
            return users;
        }

        @Bean
        RegisteredClientRepository clients(Environment environment) {
            String pages = environment.getRequiredProperty("provider.pages");
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(pages + "/login/oauth2/code/idp")
                    .postLogoutRedirectUri(pages + "/login?logget-ud")
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true)
                            .requireAuthorizationConsent(false).build())
                    .build());
        }

        /** The user's claims in both the ID token (the pages' sign-in) and the access token (relayed to the API). */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> USERS.getOrDefault(context.getPrincipal().getName(), Map.of())
                    .forEach((claim, value) -> context.getClaims().claim(claim, value));
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings(Environment environment) {
            return AuthorizationServerSettings.builder().issuer(environment.getRequiredProperty("provider.issuer"))
                    .build();
        }
    }
}
