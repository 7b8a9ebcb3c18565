package dk.tilsynsspor.platform.security;

import dk.tilsynsspor.core.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Users for trying the service out (HTTP Basic). On in the embedded default, off wherever bearer tokens are
 * configured; every user shares one password, {@code demo} unless {@code TILSYNSSPOR_DEMO_PASSWORD} says otherwise.
 */
@ConfigurationProperties("tilsynsspor.demo-users")
public record DemoUserProperties(boolean enabled, String password, List<DemoUser> users) {

    public DemoUserProperties {
        users = users == null ? List.of() : List.copyOf(users);
        if (enabled && (password == null || password.isBlank())) {
            throw new IllegalArgumentException("tilsynsspor.demo-users.password must not be blank");
        }
    }

    public record DemoUser(String name, Role role, String scope) {
    }
}
