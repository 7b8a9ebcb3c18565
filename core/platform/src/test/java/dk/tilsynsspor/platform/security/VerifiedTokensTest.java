package dk.tilsynsspor.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A verified token is verified once until it expires; a refused one is refused every time. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger verifications = new AtomicInteger();

    private JwtDecoder signer(Duration lifetime) {
        return token -> {
            verifications.incrementAndGet();
            if (token.startsWith("forged")) {
                throw new BadJwtException("signature does not match");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("leader-1")
                    .issuedAt(clock.instant()).expiresAt(clock.instant().plus(lifetime)).build();
        };
    }

    @Test
    void aValidTokenIsVerifiedOnceWhileItLasts() {
        VerifiedTokens tokens = new VerifiedTokens(signer(Duration.ofMinutes(2)), clock);

        Jwt first = tokens.decode("token-a");
        clock.advance(Duration.ofSeconds(100));
        Jwt again = tokens.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainSoTheDecoderRefusesIt() {
        VerifiedTokens tokens = new VerifiedTokens(signer(Duration.ofMinutes(2)), clock);
        tokens.decode("token-a");

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        tokens.decode("token-a");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheLongestKeep() {
        VerifiedTokens tokens = new VerifiedTokens(signer(Duration.ofHours(8)), clock);
        tokens.decode("token-a");

        clock.advance(VerifiedTokens.LONGEST.plusSeconds(1));
        tokens.decode("token-a");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(signer(Duration.ofMinutes(2)), clock);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(BadJwtException.class);
        }

        assertThat(verifications).hasValue(3);
        assertThat(tokens.kept()).isZero();
    }

    @Test
    void anotherTokenIsVerifiedOnItsOwn() {
        VerifiedTokens tokens = new VerifiedTokens(signer(Duration.ofMinutes(2)), clock);

        tokens.decode("token-a");
        Jwt other = tokens.decode("token-b");

        assertThat(other.getTokenValue()).isEqualTo("token-b");
        assertThat(verifications).hasValue(2);
    }

    private static final class MovableClock extends Clock {

        private Instant now = NOW;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
