package dk.tilsynsspor.query.security;

import dk.tilsynsspor.platform.security.ApiSecurity;
import dk.tilsynsspor.platform.security.DemoUserProperties;
import dk.tilsynsspor.platform.security.SecurityProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** What the pages show without a login: the login page and the files every page loads (style, script). */
    private static final String[] OPEN = {"/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico"};

    /** The web pages (server-rendered, in Danish) and what they need; everything else is the API. */
    public static final String[] PAGES = Stream.concat(Stream.of("/", "/logout", "/paabud", "/paabud/**",
            "/overblik", "/notifikationer", "/notifikationer/**", "/sager", "/sager/**", "/dokumenter/**",
            "/arbejdsliste", "/oauth2/authorization/**", "/login/oauth2/code/**"), Stream.of(OPEN))
            .toArray(String[]::new);

    /**
     * The pages sign in through the organisation's OpenID Connect provider where one is configured
     * ({@code spring.security.oauth2.client.*}, {@link ProviderSignIn}), and with the demo users' form where they are
     * enabled; the login is kept in a session (a browser sends no bearer token), so the pages are protected against
     * cross-site request forgery and framing. An unauthenticated visitor is sent to the login page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> provider)
            throws Exception {
        HttpSessionRequestCache returnAfterLogin = new HttpSessionRequestCache();
        returnAfterLogin.setMatchingRequestParameterName(null); // back to the page asked for, its address unchanged
        returnAfterLogin.setSessionAttrName(RETURN_AFTER_LOGIN);
        ClientRegistrationRepository registrations = provider.getIfAvailable();
        if (registrations != null) {
            ProviderSignIn.configure(http, registrations);
        }
        return http
                .securityMatcher(pagesOrBrowsing())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPEN).permitAll()
                        .anyRequest().authenticated())
                .requestCache(cache -> cache.requestCache(returnAfterLogin))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(formAfterItsSessionEnded()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logget-ud"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
                                + "form-action 'self'" + ProviderSignIn.origins(registrations) + "; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Where a form sent without a login is sent: the login page, saying that nothing was registered. */
    static final String SESSION_ENDED = "/login?udloebet";
    /**
     * The query of the page returned to after logging in again, telling the pages' script ({@code js/kladde.js}) to
     * put back into the form what the user had typed when it was sent.
     */
    static final String PUT_BACK = "gendan";
    /** The session's attribute of the page to return to after logging in (Spring Security's request cache). */
    private static final String RETURN_AFTER_LOGIN = "tilsynsspor.returnAfterLogin";
    /** A page a form may be sent from, and returned to after logging in again: a local path, nothing else. */
    private static final Pattern FORM_PAGE = Pattern.compile("/(paabud|sager|overblik|arbejdsliste|notifikationer)"
            + "(/[A-Za-z0-9-]+)*");

    /**
     * A form sent by a browser whose login has ended (the session expired, or query-service restarted) carries a
     * token of a session that no longer exists: it is sent to the login page, which says that what it sent was not
     * registered, instead of the error page of a refused request. Any other refusal is answered as before (403).
     */
    private static AccessDeniedHandler formAfterItsSessionEnded() {
        AccessDeniedHandler refused = new AccessDeniedHandlerImpl();
        DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();
        AuthenticationTrustResolverImpl logins = new AuthenticationTrustResolverImpl();
        return (request, response, denied) -> {
            if (denied instanceof MissingCsrfTokenException
                    && !logins.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
                String page = formPage(request);
                if (page != null) { // after logging in, back to the page the form was on, its text put back
                    request.getSession().setAttribute(RETURN_AFTER_LOGIN, new DefaultSavedRequest.Builder()
                            .setMethod("GET").setScheme(request.getScheme()).setServerName(request.getServerName())
                            .setServerPort(request.getServerPort()).setContextPath(request.getContextPath())
                            .setRequestURI(request.getContextPath() + page).setServletPath(page)
                            .setQueryString(PUT_BACK)
                            .setRequestURL(UrlUtils.buildFullRequestUrl(request.getScheme(), request.getServerName(),
                                    request.getServerPort(), request.getContextPath() + page, null))
                            .build());
                }
                redirect.sendRedirect(request, response, SESSION_ENDED);
            } else {
                refused.handle(request, response, denied);
            }
        };
    }

    /**
     * The page a form was sent from, by its {@code Referer} (the pages send it within the site, policy
     * {@code same-origin}): its path only, and only a page's, or null. Nothing of the address is trusted beyond that:
     * the way back is built on this service's own address.
     */
    private static String formPage(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI from = URI.create(referer);
            String path = from.getRawPath();
            if (!request.getServerName().equalsIgnoreCase(from.getHost()) || path == null
                    || !path.startsWith(request.getContextPath())) {
                return null;
            }
            path = path.substring(request.getContextPath().length());
            return FORM_PAGE.matcher(path).matches() ? path : null;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
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

    /** The API: the stateless chain both services share (bearer tokens, or the demo users). */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, SecurityProblems problems, ObjectProvider<JwtDecoder> jwtDecoder,
                            DemoUserProperties demoUsers) throws Exception {
        return ApiSecurity.apiChain(http, problems, jwtDecoder.getIfAvailable(), demoUsers);
    }
}
