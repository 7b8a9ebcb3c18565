package dk.tilsynsspor.command.idempotency;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code Idempotency-Key} of the request being served, with its actor and the request's fingerprint: the key the
 * command's metadata carries into every event it causes, and the source of the ids the request makes, so that a repeat
 * of the request makes the same command with the same ids (ADR 18). The fingerprint is part of it because a key is
 * free again after a refusal: a corrected request under the same key (a form sent again) is another request.
 */
public final class RequestKey {

    static final String ATTRIBUTE = RequestKey.class.getName();
    /** 128 bits of the digest, base64url without padding. */
    private static final int KEPT_BYTES = 16;

    private final byte[] digest;
    private final AtomicInteger issued = new AtomicInteger();

    RequestKey(String actorId, String key, String requestHash) {
        this.digest = sha256(actorId + "\n" + key + "\n" + requestHash);
    }

    /** The key of the request on this thread, if it carried one. */
    public static Optional<RequestKey> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object key = attributes == null ? null
                : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return key instanceof RequestKey requestKey ? Optional.of(requestKey) : Optional.empty();
    }

    /** What {@code idempotencyKey} holds in the metadata: the same for the same actor, key and request only. */
    public String value() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, KEPT_BYTES));
    }

    /** The request's n-th new id: the n-th id of a repeat of the request is the same. */
    UUID nextId() {
        byte[] seed = ByteBuffer.allocate(digest.length + 4).put(digest).putInt(issued.getAndIncrement()).array();
        return UUID.nameUUIDFromBytes(seed);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is on every Java platform", e);
        }
    }
}
