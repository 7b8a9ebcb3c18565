package dk.tilsynsspor.query.security;

import dk.tilsynsspor.core.security.Actor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProblems problems) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
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
