package dk.tilsynsspor.query.document;

import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.query.DocumentCheck;
import dk.tilsynsspor.core.order.query.DocumentCheck.Outcome;
import dk.tilsynsspor.query.document.DocumentFiles.Kept;
import dk.tilsynsspor.query.document.DocumentReads.KnownDocument;
import dk.tilsynsspor.query.web.DocumentUnavailableException;
import dk.tilsynsspor.query.web.InvalidParameterException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Downloads and checks of evidence documents, for the API and the pages alike. */
@Component
public class DocumentService {

    /** Whether a file is the one the trail names, and whether the kept copy still is. */
    public record FileCheck(UUID documentId, String expectedSha256, String fileSha256, boolean matches,
                            DocumentCheck kept) {
    }

    private final DocumentReads documents;
    private final DocumentFiles files;

    DocumentService(DocumentReads documents, DocumentFiles files) {
        this.documents = documents;
        this.files = files;
    }

    public ResponseEntity<byte[]> download(UUID documentId) {
        KnownDocument document = documents.find(documentId);
        EvidenceDocumentAttached attached = document.attached();
        Kept kept = files.read(documentId, attached.caseId(), attached.sha256());
        if (!kept.intact()) {
            throw unavailable(kept.check().outcome(), documentId);
        }
        String hex = kept.check().actualSha256();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attached.mediaType()))
                .contentLength(kept.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(attached.fileName()))
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)))
                .header("X-Document-Sha256", hex)
                .header("X-Document-Withdrawn", Boolean.toString(document.withdrawn()))
                .body(kept.bytes());
    }

    public FileCheck check(UUID documentId, MultipartFile file) throws IOException {
        KnownDocument document = documents.find(documentId);
        if (file == null || file.isEmpty()) {
            throw new InvalidParameterException("file", "Send the file to check as the multipart part 'file'.");
        }
        MessageDigest digest = DocumentFiles.sha256();
        try (InputStream in = new DigestInputStream(file.getInputStream(), digest)) {
            in.transferTo(OutputStream.nullOutputStream()); // digested on the way
        }
        String fileSha = HexFormat.of().formatHex(digest.digest());
        String expected = document.attached().sha256();
        return new FileCheck(documentId, expected, fileSha, fileSha.equals(expected),
                files.check(documentId, document.attached().caseId(), expected));
    }

    /** An attachment named as uploaded: plain for an ASCII name, RFC 5987 (filename*) for any other. */
    private static String disposition(String fileName) {
        boolean ascii = fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        ContentDisposition.Builder attachment = ContentDisposition.attachment();
        return (ascii ? attachment.filename(fileName) : attachment.filename(fileName, StandardCharsets.UTF_8))
                .build().toString();
    }

    private static DocumentUnavailableException unavailable(Outcome outcome, UUID documentId) {
        return new DocumentUnavailableException(outcome, switch (outcome) {
            case ERASED -> "Document " + documentId + " belonged to a case whose citizen is forgotten: it was "
                    + "erased with the case's key.";
            case MISSING -> "The file of document " + documentId + " is not kept: the trail names a file that is "
                    + "gone. Check the trail's verification.";
            default -> "The kept file of document " + documentId + " no longer matches the sha256 its event "
                    + "carries: it was changed after it was attached. Check the trail's verification.";
        });
    }
}
