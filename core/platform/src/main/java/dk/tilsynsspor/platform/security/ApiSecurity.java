package dk.tilsynsspor.platform.security;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.platform.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Identity as both services have it: bearer JWTs when a key or issuer is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}), the demo users over HTTP Basic when they are enabled (by
 * default only on the embedded database); never anonymous but for health and the API description. Each service builds its API chain with
 * {@link #apiChain}; query-service adds its pages' chain in front.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableConfigurationProperties(DemoUserProperties.class)
public class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

    /** The stateless API chain: JSON problems for 401 and 403, no session, no cookies and so no CSRF to forge. */
    public static SecurityFilterChain apiChain(HttpSecurity http, SecurityProblems problems, JwtDecoder decoder,
                                               DemoUserProperties demoUsers) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                // the API's description is public, so an integrator can start from it (it holds no data)
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                // the container's error dispatch: it answers the original request, whose access was decided already
                .requestMatchers("/error").permitAll()
                .anyRequest().authenticated());
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(new VerifiedTokens(decoder, Clock.systemUTC())).jwtAuthenticationConverter(new ActorTokens()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        if (demoUsers.enabled()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        if (decoder == null && !demoUsers.enabled()) {
            log.warn("No identity is configured: set spring.security.oauth2.resourceserver.jwt.public-key-location"
                    + " or issuer-uri. Every request but health is refused.");
        }
        return http
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Spring Security's own observations (a Micrometer observation around each filter of the chain, per request)
     * are off: nothing reads them, and they were a measurable share of each request's CPU (docs/benchmarks).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CurrentActor currentActor() {
        return new CurrentActor();
    }

    @Bean
    SecurityProblems securityProblems(ProblemResponses problems) {
        return new SecurityProblems(problems);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService demoUsers(DemoUserProperties properties, PasswordEncoder encoder) {
        if (!properties.enabled()) {
            return username -> {
                throw new UsernameNotFoundException("demo users are disabled");
            };
        }
        String hash = encoder.encode(properties.password());
        Map<String, ActorUser> users = properties.users().stream()
                .map(user -> new ActorUser(new Actor(user.name(), user.role(), user.scope()), hash))
                .collect(Collectors.toUnmodifiableMap(ActorUser::getUsername, Function.identity()));
        return username -> {
            ActorUser user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("no such user");
            }
            return user;
        };
    }
}
