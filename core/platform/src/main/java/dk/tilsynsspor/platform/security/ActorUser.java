package dk.tilsynsspor.platform.security;

import dk.tilsynsspor.core.security.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A logged-in user that knows which actor of the domain it is. */
record ActorUser(Actor actor, String passwordHash) implements UserDetails, ActorPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.id();
    }
}
