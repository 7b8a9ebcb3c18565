package dk.tilsynsspor.command.document;

import dk.tilsynsspor.command.document.EvidenceFiles.Upload;
import dk.tilsynsspor.command.idempotency.NewIds;
import dk.tilsynsspor.command.input.OneLine;
import dk.tilsynsspor.command.lookup.DocumentDirectory;
import dk.tilsynsspor.command.lookup.DocumentDirectory.AttachedDocument;
import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.command.web.CommandDispatcher;
import dk.tilsynsspor.command.web.InvalidInputException;
import dk.tilsynsspor.command.web.Locations;
import dk.tilsynsspor.command.web.ResourceNotFoundException;
import dk.tilsynsspor.core.casework.AttachCaseDocument;
import dk.tilsynsspor.core.casework.WithdrawCaseDocument;
import dk.tilsynsspor.core.order.AttachEvidenceDocument;
import dk.tilsynsspor.core.order.WithdrawEvidenceDocument;
import dk.tilsynsspor.platform.text.TextRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Evidence documents (second round, part 2): uploads to a requirement or to a case, and withdrawals. An upload is
 * multipart ({@code file}, {@code title}, {@code effectiveOn}); its bytes are kept first and the command sent after,
 * so no event ever names a file that is not kept; a refused command deletes the bytes again.
 */
@Tag(name = "documents")
@RestController
class DocumentController {

    static final int MAX_TITLE_LENGTH = 200;
    /** As {@link OneLine} says it, for the upload's title and file name (not a request record's fields). */
    private static final String ONE_LINE = "must be on one line (no line breaks)";
    static final int MAX_FILE_NAME_LENGTH = 255;

    /** What the created document is answered with: its id and the sha256 the event carries. */
    record AttachedAnswer(UUID id, String sha256) {
    }

    record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final EvidenceFiles files;
    private final CommandDispatcher commands;
    private final DocumentDirectory documents;
    private final Locations locations;

    DocumentController(EvidenceFiles files, CommandDispatcher commands, DocumentDirectory documents,
                       Locations locations) {
        this.files = files;
        this.commands = commands;
        this.documents = documents;
        this.locations = locations;
    }

    @Operation(operationId = "attachRequirementDocument", summary = "Attach a document to a requirement (AttachEvidenceDocument)",
            description = "A leader of the organisation uploads a document as evidence for the requirement: a "
                    + "procedure, a pedagogical background description, minutes. PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG "
                    + "or plain text, told by the content, at most 25 MB. effectiveOn is the day the document is in "
                    + "force. The answer carries the sha256 of the bytes, which the event keeps.")
    @ApiResponse(responseCode = "201", description = "Attached: the document id and its sha256; Location is the dossier.")
    @PostMapping(path = "/api/orders/{orderId}/requirements/{requirementId}/documents",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachedAnswer> attachToRequirement(
            @PathVariable UUID orderId, @PathVariable UUID requirementId,
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "The document's title, at most 200 characters.") @RequestParam("title") String title,
            @RequestParam("effectiveOn") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn)
            throws IOException {
        String fileName = fileName(file);
        UUID documentId = NewIds.next();
        try (Upload upload = files.take(file)) {
            files.keep(documentId, upload);
            sendOrDiscard(documentId, () -> commands.send(new AttachEvidenceDocument(orderId, requirementId,
                    documentId, title(title), fileName, upload.mediaType(), upload.size(), upload.sha256(),
                    effectiveOn), "order", orderId));
            return ResponseEntity.created(locations.dossier(orderId))
                    .body(new AttachedAnswer(documentId, upload.sha256()));
        }
    }

    @Operation(operationId = "attachCaseDocument", summary = "Attach a document to a case (AttachEvidenceDocument)",
            description = "A professional on the case's team, or a leader, uploads a document as evidence for a "
                    + "requirement the case serves (requirementId). As on a requirement; the bytes, the title and the "
                    + "file name are sealed under the case's key and are erased when the citizen is forgotten.")
    @ApiResponse(responseCode = "201", description = "Attached: the document id and its sha256; Location is the case view.")
    @PostMapping(path = "/api/cases/{caseId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachedAnswer> attachToCase(
            @PathVariable UUID caseId,
            @RequestPart("file") MultipartFile file,
            @RequestParam("requirementId") UUID requirementId,
            @Parameter(description = "The document's title, at most 200 characters.") @RequestParam("title") String title,
            @RequestParam("effectiveOn") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn)
            throws IOException {
        String fileName = fileName(file);
        UUID documentId = NewIds.next();
        try (Upload upload = files.take(file)) {
            files.keepSealed(documentId, caseId, upload);
            sendOrDiscard(documentId, () -> commands.send(new AttachCaseDocument(caseId, requirementId, documentId,
                    title(title), fileName, upload.mediaType(), upload.size(), upload.sha256(), effectiveOn),
                    "case", caseId));
            return ResponseEntity.created(locations.caseView(caseId))
                    .body(new AttachedAnswer(documentId, upload.sha256()));
        }
    }

    @Operation(operationId = "withdrawDocument", summary = "Withdraw a document (WithdrawEvidenceDocument)",
            description = "Whoever attached the document, or a leader of the organisation, withdraws it with a "
                    + "reason. It stays downloadable for the trail, marked withdrawn; no verification may cite it.")
    @PostMapping("/api/documents/{documentId}/withdrawal")
    ResponseEntity<dk.tilsynsspor.command.web.Accepted> withdraw(@PathVariable UUID documentId,
                                                                 @Valid @RequestBody WithdrawalRequest request) {
        AttachedDocument document = documents.findDocument(documentId)
                .orElseThrow(() -> new ResourceNotFoundException("document", documentId));
        if (document.caseId() == null) {
            commands.send(new WithdrawEvidenceDocument(document.orderId(), documentId, request.reason()),
                    "document", documentId);
        } else {
            commands.send(new WithdrawCaseDocument(document.caseId(), documentId, request.reason()),
                    "document", documentId);
        }
        URI location = document.caseId() == null ? locations.dossier(document.orderId())
                : locations.caseView(document.caseId());
        return ResponseEntity.ok().location(location).body(dk.tilsynsspor.command.web.Accepted.of(documentId));
    }

    private void sendOrDiscard(UUID documentId, Runnable send) {
        try {
            send.run();
        } catch (RuntimeException refused) {
            files.discard(documentId);
            throw refused;
        }
    }

    /** The title as the event will keep it: 1 to 200 characters that may be stored. */
    private static String title(String title) {
        String stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_TITLE_LENGTH) {
            throw RuleViolation.unprocessable("document-incomplete", "A document needs a title of 1 to "
                    + MAX_TITLE_LENGTH + " characters.").at("title");
        }
        return storable("title", "The title", stripped);
    }

    /** The file's name without any folder the client sent, 1 to 255 characters that may be stored. */
    private static String fileName(MultipartFile file) {
        String original = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.length() > MAX_FILE_NAME_LENGTH) {
            throw RuleViolation.unprocessable("document-incomplete", "The file needs a name of 1 to "
                    + MAX_FILE_NAME_LENGTH + " characters.").at("file");
        }
        return storable("file", "The file's name", name);
    }

    /** {@code text} if the text rules take it and it is one line ({@link OneLine}); else refused as {@code part}. */
    private static String storable(String part, String subject, String text) {
        TextRules.problem(text).ifPresent(problem -> {
            throw InvalidInputException.part(part, subject, problem);
        });
        if (!text.matches(OneLine.NO_LINE_BREAK)) {
            throw InvalidInputException.part(part, subject, ONE_LINE);
        }
        return text;
    }
}
