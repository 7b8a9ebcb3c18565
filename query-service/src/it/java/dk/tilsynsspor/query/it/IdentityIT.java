package dk.tilsynsspor.query.it;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is asking: on a PostgreSQL server the services take only bearer JWTs signed by the configured key (the demo
 * users are off); on the embedded test database the demo users, over HTTP Basic. Nobody anonymous.
 */
@ExtendWith(EndToEnd.class)
class IdentityIT {

    private static final String ORDERS = "/api/orders";

    @Test
    void nobodyAnonymousAndNobodyWithAnUnacceptedCredential(EndToEnd.Stack stack) {
        for (Api api : List.of(stack.commands, stack.queries)) {
            assertUnauthorized(api.getAuthorized(null, ORDERS));
            assertUnauthorized(api.getAuthorized(basic("leader", "wrong-password"), ORDERS));
            assertThat(api.getAuthorized(null, "/actuator/health").status()).isEqualTo(200);
        }
        assertThat(stack.queries.get("leader", ORDERS).status()).isEqualTo(200);
    }

    @Test
    void onAServerOnlyTokensSignedByTheConfiguredKeyWithRoleAndScopeAreAccepted(EndToEnd.Stack stack) {
        if (stack.tokens == null) {
            // the embedded pass uses the demo users; bearer tokens are not configured there
            assertUnauthorized(stack.queries.getAuthorized("Bearer not-a-token", ORDERS));
            return;
        }
        Tokens stranger = new Tokens();
        Date later = Date.from(Instant.now().plusSeconds(600));
        List<String> refused = List.of(
                stranger.of("leader"),
                stack.tokens.sign(new JWTClaimsSet.Builder().subject("leader").claim("role", "LEADER")
                        .claim("organisationId", "kk-handicap")
                        .expirationTime(Date.from(Instant.now().minusSeconds(600))).build()),
                stack.tokens.sign(new JWTClaimsSet.Builder().subject("leader").claim("organisationId", "kk-handicap")
                        .expirationTime(later).build()),
                stack.tokens.sign(new JWTClaimsSet.Builder().subject("leader").claim("role", "LEADER")
                        .expirationTime(later).build()),
                stack.tokens.sign(new JWTClaimsSet.Builder().subject("leader").claim("role", "KING")
                        .claim("organisationId", "kk-handicap").expirationTime(later).build()));
        for (Api api : List.of(stack.commands, stack.queries)) {
            for (String token : refused) {
                assertUnauthorized(api.getAuthorized("Bearer " + token, ORDERS));
            }
            // the demo users exist only on the embedded default
            assertUnauthorized(api.getAuthorized(basic("leader", EndToEnd.PASSWORD), ORDERS));
            assertUnauthorized(api.getAuthorized(basic("leader", "demo"), ORDERS));
        }
        assertThat(stack.queries.getAuthorized("Bearer " + stack.tokens.of("leader"), ORDERS).status())
                .isEqualTo(200);
    }

    private static void assertUnauthorized(Api.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }
}
