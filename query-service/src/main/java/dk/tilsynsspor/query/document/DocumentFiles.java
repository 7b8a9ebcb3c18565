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

    /** A kept file as read and checked: its bytes when they are still the event's, and the check. */
    public record Kept(byte[] bytes, DocumentCheck check) {
        public boolean intact() {
            return check.outcome() == Outcome.INTACT;
        }
    }

    /** The kept file checked against the hash its event carries. */
    public DocumentCheck check(UUID documentId, UUID caseId, String expectedSha256) {
        return read(documentId, caseId, expectedSha256).check();
    }

    /**
     * The kept file, opened with the case's key where sealed, and checked against the hash its event carries: MISSING
     * (no bytes), ERASED (the case's key is gone), ALTERED (a broken seal or another hash), or INTACT with its bytes.
     */
    public Kept read(UUID documentId, UUID caseId, String expectedSha256) {
        List<byte[]> stored = jdbc.query("SELECT content FROM events.evidence_document WHERE document_id = ?",
                (rs, row) -> rs.getBytes("content"), documentId);
        Optional<byte[]> key = caseId == null ? Optional.empty() : keys.keyOf(caseId);
        if (caseId != null && key.isEmpty()) {
            return unavailable(documentId, expectedSha256, Outcome.ERASED); // shredded with the case's key
        }
        if (stored.isEmpty()) {
            return unavailable(documentId, expectedSha256, Outcome.MISSING);
        }
        Optional<byte[]> plain = caseId == null ? Optional.of(stored.get(0))
                : SealedBytes.open(key.get(), SealedBytes.context(caseId, documentId), stored.get(0));
        if (plain.isEmpty()) {
            return unavailable(documentId, expectedSha256, Outcome.ALTERED);
        }
        String actual = sha256(plain.get());
        boolean same = actual.equals(expectedSha256);
        return new Kept(same ? plain.get() : null, new DocumentCheck(documentId, expectedSha256, actual,
                same ? Outcome.INTACT : Outcome.ALTERED));
    }

    private static Kept unavailable(UUID documentId, String expectedSha256, Outcome outcome) {
        return new Kept(null, new DocumentCheck(documentId, expectedSha256, null, outcome));
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
