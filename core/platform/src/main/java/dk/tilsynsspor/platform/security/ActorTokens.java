package dk.tilsynsspor.platform.security;

import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;

/**
 * Production identity: the actor of a bearer JWT (README, "Identity"). {@code sub} is the actor's id, {@code role}
 * one of INSPECTOR, LEADER, PROFESSIONAL, and the scope is {@code authorityId} for an inspector and
 * {@code organisationId} for everyone else. A token without them authenticates no one (401).
 */
public class ActorTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ROLE = "role";
    public static final String AUTHORITY_ID = "authorityId";
    public static final String ORGANISATION_ID = "organisationId";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Actor actor = actorOf(jwt);
        return UsernamePasswordAuthenticationToken.authenticated(actor, jwt,
                List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
    }

    /**
     * The actor a token's claims name: a bearer JWT's, or an OpenID Connect ID token's and user info's when the
     * pages sign in through the provider (the same claims, mapped the same way).
     */
    public static Actor actorOf(ClaimAccessor claims) {
        String subject = claims.getClaimAsString("sub");
        Role role = role(claims.getClaimAsString(ROLE));
        String scope = claims.getClaimAsString(role.scopedToAuthority() ? AUTHORITY_ID : ORGANISATION_ID);
        if (subject == null || subject.isBlank() || scope == null || scope.isBlank()) {
            throw new BadCredentialsException("The token must name its subject (sub) and, for a " + role
                    + ", the " + (role.scopedToAuthority() ? AUTHORITY_ID : ORGANISATION_ID) + ".");
        }
        return new Actor(subject, role, scope);
    }

    private static Role role(String claim) {
        try {
            return Role.valueOf(claim);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadCredentialsException("The token's role claim must be INSPECTOR, LEADER or PROFESSIONAL.");
        }
    }
}
