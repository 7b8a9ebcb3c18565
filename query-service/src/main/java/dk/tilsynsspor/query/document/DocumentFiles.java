package dk.tilsynsspor.query.document;

import dk.tilsynsspor.core.order.query.DocumentCheck;
import dk.tilsynsspor.core.order.query.DocumentCheck.Outcome;
import dk.tilsynsspor.core.privacy.SealedBytes;
import dk.tilsynsspor.query.privacy.CitizenKeyReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The kept files of evidence documents ({@code events.evidence_document}, written by command-service): read, opened
 * with the case's key where sealed, and checked against the sha256 their event carries.
 */
@Component
public class DocumentFiles {

    private final JdbcTemplate jdbc;
    private final CitizenKeyReader keys;

    public DocumentFiles(JdbcTemplate jdbc, CitizenKeyReader keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** A kept file as read: its bytes, or why there are none to give. */
    public record Opened(byte[] bytes, Outcome unavailable) {
    }

    /** The plain bytes of the document; {@code unavailable} says MISSING, ERASED or ALTERED (a broken seal). */
    public Opened open(UUID documentId, UUID caseId) {
        List<byte[]> stored = jdbc.query("SELECT content FROM events.evidence_document WHERE document_id = ?",
                (rs, row) -> rs.getBytes("content"), documentId);
        if (caseId == null) {
            return stored.isEmpty() ? new Opened(null, Outcome.MISSING) : new Opened(stored.get(0), null);
        }
        Optional<byte[]> key = keys.keyOf(caseId);
        if (key.isEmpty()) {
            return new Opened(null, Outcome.ERASED); // shredded with the case's key: the file went with it
        }
        if (stored.isEmpty()) {
            return new Opened(null, Outcome.MISSING);
        }
        return SealedBytes.open(key.get(), SealedBytes.context(caseId, documentId), stored.get(0))
                .map(bytes -> new Opened(bytes, null))
                .orElseGet(() -> new Opened(null, Outcome.ALTERED));
    }

    /** The kept file checked against the hash its event carries. */
    public DocumentCheck check(UUID documentId, UUID caseId, String expectedSha256) {
        Opened opened = open(documentId, caseId);
        if (opened.unavailable() != null) {
            return new DocumentCheck(documentId, expectedSha256, null, opened.unavailable());
        }
        String actual = sha256(opened.bytes());
        return new DocumentCheck(documentId, expectedSha256, actual,
                actual.equals(expectedSha256) ? Outcome.INTACT : Outcome.ALTERED);
    }

    /** The sha256 of {@code bytes} as the events carry it: lower-case hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is on every Java platform", e);
        }
    }
}
