package dk.tilsynsspor.query.document;

import dk.tilsynsspor.query.document.DocumentService.FileCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.util.UUID;

/**
 * Evidence documents: the file as kept, with the hash its event carries, and a check whether a file in hand is the
 * one the trail names. Only a file whose hash is still the event's is served.
 */
@Tag(name = "documents")
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private final DocumentService documents;

    DocumentController(DocumentService documents) {
        this.documents = documents;
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
        return documents.download(documentId);
    }

    @Operation(operationId = "checkDocument", summary = "Check a file against its event",
            description = "Send a file (multipart part 'file'): the answer says whether its sha256 is the one the "
                    + "event attaching the document carries, and whether the kept copy still is. Nothing is stored.")
    @PostMapping(path = "/{documentId}/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    FileCheck check(@PathVariable UUID documentId, @RequestPart("file") MultipartFile file) throws IOException {
        return documents.check(documentId, file);
    }
}
