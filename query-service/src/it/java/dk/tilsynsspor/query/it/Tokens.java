package dk.tilsynsspor.query.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locally signed bearer tokens, as an identity provider would issue them: the services are given only the public
 * key (spring.security.oauth2.resourceserver.jwt.public-key-location). The users are the demo users' twins.
 */
public final class Tokens {

    /** user → role and scope, as README's demo users. */
    static final Map<String, String[]> USERS = Map.ofEntries(
            Map.entry("inspector", new String[]{"INSPECTOR", "socialtilsyn-hovedstaden"}),
            Map.entry("inspector2", new String[]{"INSPECTOR", "socialtilsyn-nord"}),
            Map.entry("leader", new String[]{"LEADER", "kk-handicap"}),
            Map.entry("leader2", new String[]{"LEADER", "aarhus-psykiatri"}),
            Map.entry("paedagog", new String[]{"PROFESSIONAL", "kk-handicap"}),
            Map.entry("socialraadgiver", new String[]{"PROFESSIONAL", "kk-handicap"}),
            Map.entry("psykolog", new String[]{"PROFESSIONAL", "kk-handicap"}),
            Map.entry("ergoterapeut", new String[]{"PROFESSIONAL", "kk-handicap"}),
            Map.entry("professional2", new String[]{"PROFESSIONAL", "aarhus-psykiatri"}),
            Map.entry("psykolog-region", new String[]{"PROFESSIONAL", "region-h-psykiatri"}),
            Map.entry("leader-region", new String[]{"LEADER", "region-h-psykiatri"}));

    private final KeyPair keys;
    private final Path publicKey;
    /** Signed once per user: RSA signing costs about a millisecond, which a load test would otherwise measure. */
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    public Tokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            publicKey = Files.createTempFile("tilsynsspor-it-", ".pem");
            publicKey.toFile().deleteOnExit();
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path publicKey() {
        return publicKey;
    }

    /** A valid token (for an hour) of one of {@link #USERS}. */
    public String of(String user) {
        return issued.computeIfAbsent(user, this::issue);
    }

    private String issue(String user) {
        String[] roleAndScope = USERS.get(user);
        if (roleAndScope == null) {
            throw new IllegalArgumentException("no test user " + user);
        }
        String scopeClaim = roleAndScope[0].equals("INSPECTOR") ? "authorityId" : "organisationId";
        return sign(new JWTClaimsSet.Builder().subject(user).claim("role", roleAndScope[0])
                .claim(scopeClaim, roleAndScope[1]).expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .build());
    }

    /** Any claims, signed with the key the services trust. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
