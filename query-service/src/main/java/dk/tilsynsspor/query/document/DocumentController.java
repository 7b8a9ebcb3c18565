package dk.tilsynsspor.query.document;

import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.query.DocumentCheck;
import dk.tilsynsspor.core.order.query.DocumentCheck.Outcome;
import dk.tilsynsspor.query.document.DocumentFiles.Opened;
import dk.tilsynsspor.query.document.DocumentReads.KnownDocument;
import dk.tilsynsspor.query.web.DocumentUnavailableException;
import dk.tilsynsspor.query.web.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Evidence documents: the file as kept, with the hash its event carries, and a check whether a file in hand is the
 * one the trail names. Only a file whose hash is still the event's is served.
 */
@Tag(name = "documents")
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    /** Whether a file is the one the trail names, and whether the kept copy still is. */
    record FileCheck(UUID documentId, String expectedSha256, String fileSha256, boolean matches,
                     DocumentCheck kept) {
    }

    private final DocumentReads documents;
    private final DocumentFiles files;

    DocumentController(DocumentReads documents, DocumentFiles files) {
        this.documents = documents;
        this.files = files;
    }

    @Operation(operationId = "downloadDocument", summary = "Download an evidence document",
            description = "The file as kept, for whoever may see the requirement's order or the case it is attached "
                    + "to. Digest carries the sha256 of the bytes (RFC 3230, base64), equal to the event's; "
                    + "X-Document-Sha256 the same in hex, as the dossier shows it; X-Document-Withdrawn says whether "
                    + "it was withdrawn. A file that no longer matches its event is not served (409 "
                    + "document-altered); a case's document whose citizen is forgotten is gone (410).")
    @ApiResponse(responseCode = "200", description = "The file.")
    @GetMapping("/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID documentId) {
        KnownDocument document = documents.find(documentId);
        EvidenceDocumentAttached attached = document.attached();
        Opened opened = files.open(documentId, attached.caseId());
        if (opened.unavailable() != null) {
            throw unavailable(opened.unavailable(), documentId);
        }
        byte[] digest = sha256().digest(opened.bytes());
        String hex = HexFormat.of().formatHex(digest);
        if (!hex.equals(attached.sha256())) {
            throw unavailable(Outcome.ALTERED, documentId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attached.mediaType()))
                .contentLength(opened.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attached.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(digest))
                .header("X-Document-Sha256", hex)
                .header("X-Document-Withdrawn", Boolean.toString(document.withdrawn()))
                .body(opened.bytes());
    }

    @Operation(operationId = "checkDocument", summary = "Check a file against its event",
            description = "Send a file (multipart part 'file'): the answer says whether its sha256 is the one the "
                    + "event attaching the document carries, and whether the kept copy still is. Nothing is stored.")
    @PostMapping(path = "/{documentId}/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    FileCheck check(@PathVariable UUID documentId, @RequestPart("file") MultipartFile file) throws IOException {
        KnownDocument document = documents.find(documentId);
        if (file == null || file.isEmpty()) {
            throw new InvalidParameterException("file", "Send the file to check as the multipart part 'file'.");
        }
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(file.getInputStream(), digest)) {
            in.transferTo(OutputStream.nullOutputStream()); // digested on the way
        }
        String fileSha = HexFormat.of().formatHex(digest.digest());
        String expected = document.attached().sha256();
        return new FileCheck(documentId, expected, fileSha, fileSha.equals(expected),
                files.check(documentId, document.attached().caseId(), expected));
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is on every Java platform", e);
        }
    }
}
