package dk.tilsynsspor.command.security;

import dk.tilsynsspor.platform.security.ApiSecurity;
import dk.tilsynsspor.platform.security.DemoUserProperties;
import dk.tilsynsspor.platform.security.SecurityProblems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** command-service is all API: one stateless chain (bearer tokens, or the demo users). */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProblems problems, ObjectProvider<JwtDecoder> jwtDecoder,
                            DemoUserProperties demoUsers) throws Exception {
        return ApiSecurity.apiChain(http, problems, jwtDecoder.getIfAvailable(), demoUsers);
    }
}
