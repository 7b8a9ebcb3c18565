package dk.tilsynsspor.query.order.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

@RestController
class ExportController {

    private final TrailExports exports;

    ExportController(TrailExports exports) {
        this.exports = exports;
    }

    /** The audit trail as a file to keep: CSV, JSON, or a PDF of the dossier and the trail. */
    @Operation(operationId = "exportAuditTrail", tags = "audit-trail", summary = "Export the audit trail",
            description = "A file to keep: format=csv (the trail, spreadsheet-safe; its cells separated by a comma, or with separator=semicolon by a semicolon, as spreadsheet programs set up for Danish read it), json (the trail, exact) or pdf (the dossier and the trail, in Danish); with asOf, as it stood then.")
    @ApiResponse(responseCode = "200", description = "The file, named in Content-Disposition.", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/json", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/orders/{orderId}/audit-trail/export")
    ResponseEntity<byte[]> export(@PathVariable UUID orderId, @Parameter(description = "The file's format.", schema = @Schema(
            allowableValues = {"csv", "json", "pdf"})) @RequestParam("format") String formatName,
                                  @Parameter(description = "How a CSV file separates its cells (default comma).",
                                          schema = @Schema(allowableValues = {"comma", "semicolon"}))
                                  @RequestParam(required = false) String separator,
                                  @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf)
            throws IOException {
        return exports.export(orderId, TrailExports.Format.parse(formatName),
                TrailExports.CsvSeparator.parse(separator), asOf);
    }
}
