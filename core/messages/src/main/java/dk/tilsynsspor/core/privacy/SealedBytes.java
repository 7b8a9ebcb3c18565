package dk.tilsynsspor.core.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * A file of a citizen's case as it is kept: AES-256-GCM under the case's key, like {@link SealedText}, bound to the
 * case and the document, stored as nonce followed by ciphertext and tag. Sealing streams; opening holds the file in
 * memory (GCM releases nothing before the tag is checked), which the upload limit bounds.
 */
public final class SealedBytes {

    private static final int TAG_BYTES = SealedText.TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedBytes() {
    }

    /** What a case's document is sealed for: the case and the document, so it cannot be moved to another. */
    public static String context(UUID caseId, UUID documentId) {
        return caseId + "/document/" + documentId;
    }

    /** How many bytes sealing {@code plainLength} bytes yields. */
    public static long sealedLength(long plainLength) {
        return SealedText.NONCE_BYTES + plainLength + TAG_BYTES;
    }

    /** The sealed form of {@code plain}, read as a stream. */
    public static InputStream sealing(byte[] key, String context, InputStream plain) {
        byte[] nonce = new byte[SealedText.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = SealedText.cipher(Cipher.ENCRYPT_MODE, key, nonce, context);
            return new SequenceInputStream(new ByteArrayInputStream(nonce), new CipherInputStream(plain, cipher));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is on every Java platform", e);
        }
    }

    /** The plain bytes, or empty if {@code stored} was not sealed with {@code key} for {@code context} or was altered. */
    public static Optional<byte[]> open(byte[] key, String context, byte[] stored) {
        if (stored.length < SealedText.NONCE_BYTES + TAG_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = SealedText.cipher(Cipher.DECRYPT_MODE, key,
                    Arrays.copyOf(stored, SealedText.NONCE_BYTES), context);
            return Optional.of(cipher.doFinal(stored, SealedText.NONCE_BYTES, stored.length - SealedText.NONCE_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is on every Java platform", e);
        }
    }
}
