package dk.tilsynsspor.command.document;

import dk.tilsynsspor.command.privacy.CitizenKeys;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.command.web.ResourceNotFoundException;
import dk.tilsynsspor.core.privacy.SealedBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The bytes of evidence documents: an upload is streamed once to a temporary file while its {@code sha256} and size
 * are taken, its type is told from the content, and it is kept in {@code events.evidence_document} (a case's sealed
 * under the case's key) before the command that attaches it is sent.
 */
@Component
class EvidenceFiles {

    private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);

    static final DataSize MAX_SIZE = DataSize.ofMegabytes(25);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CitizenKeys keys;

    EvidenceFiles(JdbcTemplate jdbc, TransactionTemplate transactions, CitizenKeys keys) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
    }

    /** An upload taken in: on disk until {@link #close()}, with what the event will say of it. */
    record Upload(Path file, long size, String sha256, String mediaType) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads the upload once; refuses an empty one, one over 25 MB, and one whose content is not an accepted type. */
    Upload take(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw RuleViolation.unprocessable("document-missing", "Send the document as the multipart part 'file'.")
                    .at("file");
        }
        Path copy = Files.createTempFile("evidence-", ".upload");
        try {
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = new DigestInputStream(file.getInputStream(), digest);
                 OutputStream out = Files.newOutputStream(copy)) {
                size = copyAtMost(in, out, MAX_SIZE.toBytes());
            }
            if (size > MAX_SIZE.toBytes()) {
                throw new RuleViolation("document-too-large", RuleViolation.Kind.UNPROCESSABLE,
                        "A document may be at most 25 MB.").at("file");
            }
            String detected = DocumentTypes.detect(copy);
            String mediaType = DocumentTypes.accepted(detected).orElseThrow(() -> RuleViolation.unprocessable(
                    "document-type-refused", "The file's content is " + detected + ", which is not accepted as "
                            + "evidence. Accepted: PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG and plain text, told by "
                            + "the content, not by the file's name.").at("file"));
            return new Upload(copy, size, HexFormat.of().formatHex(digest.digest()), mediaType);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    /** Keeps the bytes of a document on a requirement. */
    void keep(UUID documentId, Upload upload) {
        transactions.executeWithoutResult(status -> insert(documentId, null, upload, null));
    }

    /**
     * Keeps the bytes of a document on a case, sealed under the case's key. No key is made here: a case without one
     * does not exist (its opening made it), and is answered as unknown.
     */
    void keepSealed(UUID documentId, UUID caseId, Upload upload) {
        transactions.executeWithoutResult(status -> insert(documentId, caseId, upload,
                keys.existingKeyFor(caseId).orElseThrow(() -> new ResourceNotFoundException("case", caseId))));
    }

    /**
     * Deletes the bytes of a document whose command was refused, so that nothing is kept that no event names; never
     * those an event names (a repeat of an upload that was attached the first time may fail on its own).
     */
    void discard(UUID documentId) {
        jdbc.update("""
                DELETE FROM events.evidence_document
                 WHERE document_id = ?
                   AND NOT EXISTS (SELECT 1 FROM command.document_lookup l WHERE l.document_id = ?)""",
                documentId, documentId);
    }

    private void insert(UUID documentId, UUID caseId, Upload upload, byte[] key) {
        try (InputStream plain = Files.newInputStream(upload.file())) {
            InputStream stored = key == null ? plain
                    : SealedBytes.sealing(key, SealedBytes.context(caseId, documentId), plain);
            long length = key == null ? upload.size() : SealedBytes.sealedLength(upload.size());
            int rows = jdbc.update(connection -> {
                var insert = connection.prepareStatement("""
                        INSERT INTO events.evidence_document (document_id, case_id, sealed, content)
                        VALUES (?, ?, ?, ?) ON CONFLICT (document_id) DO NOTHING""");
                insert.setObject(1, documentId);
                insert.setObject(2, caseId);
                insert.setBoolean(3, key != null);
                insert.setBinaryStream(4, stored, length);
                return insert;
            });
            if (rows == 0) {
                // the id is drawn from the request's Idempotency-Key and the parts' fingerprint: a repeat of an
                // upload, whose bytes are kept already (a document id never comes from the client)
                log.debug("Document {} kept already: a repeat of its upload", documentId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return total; // no need to read the rest: it is refused
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is on every Java platform", e);
        }
    }
}
