package dk.tilsynsspor.core.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A personal text as the event store keeps it: AES-256-GCM under the key of its citizen's case, bound to the case
 * and the field ({@code context}, authenticated but not stored), written as {@value #PREFIX} + base64(nonce,
 * ciphertext). Without the key it is noise: destroying the key forgets the text (crypto-shredding).
 */
public record SealedText(String envelope) {

    public static final String PREFIX = "sealed:v1:";
    public static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /**
     * One cipher per thread for texts, set up again for each: looking a cipher up by name took most of a text's
     * sealing time (the texts are short). Documents ({@link SealedBytes}) take a cipher of their own each time, so
     * that no thread keeps a document's buffers.
     */
    private static final ThreadLocal<Cipher> TEXT_CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is on every Java platform", e);
        }
    });

    public SealedText {
        if (!isSealed(envelope)) {
            throw new IllegalArgumentException("not a sealed text");
        }
    }

    /** Whether a stored value is sealed (events stored before encryption was introduced hold plain text). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The context a personal text is sealed for: its case and its field, so it cannot be moved to another. */
    public static String context(UUID caseId, String field) {
        return caseId + "/" + field;
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public static SealedText seal(byte[] key, String context, String plainText) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = init(TEXT_CIPHERS.get(), Cipher.ENCRYPT_MODE, key, nonce, context);
            byte[] sealed = cipher.doFinal(plainText.getBytes(UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return new SealedText(PREFIX + Base64.getEncoder().encodeToString(stored));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is on every Java platform", e);
        }
    }

    /** The plain text, or empty if this was not sealed with {@code key} for {@code context}. */
    public Optional<String> open(byte[] key, String context) {
        byte[] stored = Base64.getDecoder().decode(envelope.substring(PREFIX.length()));
        try {
            Cipher cipher = init(TEXT_CIPHERS.get(), Cipher.DECRYPT_MODE, key, Arrays.copyOf(stored, NONCE_BYTES),
                    context);
            return Optional.of(new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is on every Java platform", e);
        }
    }

    static Cipher cipher(int mode, byte[] key, byte[] nonce, String context)
            throws GeneralSecurityException {
        return init(Cipher.getInstance(TRANSFORMATION), mode, key, nonce, context);
    }

    /**
     * {@code cipher} set up afresh (a new nonce, or the stored one to open) for one text, whatever it did before: a
     * GCM cipher is ready for its next message once initialised again.
     */
    private static Cipher init(Cipher cipher, int mode, byte[] key, byte[] nonce, String context)
            throws GeneralSecurityException {
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(UTF_8));
        return cipher;
    }
}
