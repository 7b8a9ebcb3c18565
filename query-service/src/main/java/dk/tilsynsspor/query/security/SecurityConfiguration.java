package dk.tilsynsspor.query.security;

import dk.tilsynsspor.core.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The web pages (server-rendered, in Danish) and what they need; everything else is the API. */
    public static final String[] PAGES = {"/", "/login", "/logout", "/paabud", "/paabud/**", "/overblik",
            "/sager/**", "/webjars/**", "/css/**", "/favicon.ico"};

    /**
     * The pages log in with a form and keep the login in a session (a browser sends no bearer token), so they are
     * protected against cross-site request forgery and framing. The same demo users, roles and scopes as the API;
     * an unauthenticated visitor is sent to the login page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        HttpSessionRequestCache returnAfterLogin = new HttpSessionRequestCache();
        returnAfterLogin.setMatchingRequestParameterName(null); // back to the page asked for, its address unchanged
        return http
                .securityMatcher(pagesOrBrowsing())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .requestCache(cache -> cache.requestCache(returnAfterLogin))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logget-ud"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
                                + "form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * The pages, and whatever else a browser asks for outside the API and actuator (a mistyped address): a browser
     * gets the login page or the pages' Danish error page, never the API's JSON 401. Clients that do not ask for
     * HTML (curl sends {@code *}{@code /*}) get the API's answers.
     */
    private static RequestMatcher pagesOrBrowsing() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        List<RequestMatcher> pages = Arrays.stream(PAGES).map(paths::matcher).map(RequestMatcher.class::cast)
                .toList();
        return new OrRequestMatcher(new OrRequestMatcher(pages), new AndRequestMatcher(html,
                new NegatedRequestMatcher(paths.matcher("/api/**")),
                new NegatedRequestMatcher(paths.matcher("/actuator/**")),
                new NegatedRequestMatcher(paths.matcher("/v3/api-docs/**"))));
    }

    /**
     * Bearer JWTs when a key or issuer is configured (spring.security.oauth2.resourceserver.jwt.*), the demo users
     * over HTTP Basic when they are enabled (by default only on the embedded database); never anonymous.
     */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, SecurityProblems problems, ObjectProvider<JwtDecoder> jwtDecoder,
                            DemoUserProperties demoUsers) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                // the container's error dispatch: it answers the original request, whose access was decided already
                .requestMatchers("/error").permitAll()
                .anyRequest().authenticated());
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new ActorTokens()))
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
                // A stateless JSON API authenticated per request: no cookies, so no cross-site request to forge.
                .csrf(csrf -> csrf.disable())
                .build();
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
