package dk.tilsynsspor.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;

/**
 * A bearer token verified once is not verified again on every request until it expires: the decoder's answer (a
 * token whose signature and claims were valid) is kept, at most until the token's {@code exp}, and never longer
 * than {@link #LONGEST}. A token that fails verification is never kept, so it fails again each time; one without an
 * expiry is not kept either. A client sends its token with every call, so the signature check (RSA) and the parse
 * were a tenth of command-service's CPU per command (docs/benchmarks).
 *
 * <p>What this changes: a token stays accepted until its own expiry even if the key that signed it is withdrawn
 * meanwhile (as with any JWT that is not looked up per request, for at most {@link #LONGEST}).
 */
public final class VerifiedTokens implements JwtDecoder {

    /** How long a verified token is kept at most, whatever its expiry says. */
    public static final Duration LONGEST = Duration.ofMinutes(5);
    private static final int MAXIMUM_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_TOKENS)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && known.getExpiresAt().isAfter(clock.instant())) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private Duration untilExpiry(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.compareTo(LONGEST) > 0 ? LONGEST : left.isNegative() ? Duration.ZERO : left;
    }

    /** How many tokens are kept now (for tests). */
    long kept() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
