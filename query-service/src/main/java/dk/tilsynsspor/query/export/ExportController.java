package dk.tilsynsspor.query.export;

import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.query.order.OrderReads;
import dk.tilsynsspor.query.security.CurrentActor;
import dk.tilsynsspor.query.web.InvalidParameterException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

@RestController
class ExportController {

    enum Format {
        CSV, JSON, PDF;

        static Format parse(String value) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw new InvalidParameterException("format", "Parameter format must be csv, json or pdf.");
        }
    }

    private final OrderReads reads;
    private final TrailFiles files;
    private final CurrentActor currentActor;
    private final Clock clock;

    ExportController(OrderReads reads, TrailFiles files, CurrentActor currentActor, Clock clock) {
        this.reads = reads;
        this.files = files;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The audit trail as a file to keep: CSV, JSON, or a PDF of the dossier and the trail. */
    @GetMapping("/api/orders/{orderId}/audit-trail/export")
    ResponseEntity<byte[]> export(@PathVariable UUID orderId, @RequestParam("format") String formatName,
                                  @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf)
            throws IOException {
        Format format = Format.parse(formatName);
        AuditTrail trail = reads.trail(orderId, asOf);
        Instant now = clock.instant();
        String by = currentActor.get().id();
        String name = "revisionsspor-" + trail.reference().replaceAll("[^A-Za-z0-9._-]", "_");
        return switch (format) {
            case CSV -> file(files.csv(trail), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                    name + ".csv");
            case JSON -> file(files.json(trail, reads.verification(orderId), now, by), MediaType.APPLICATION_JSON,
                    name + ".json");
            case PDF -> file(DossierPdf.render(reads.dossier(orderId, asOf), trail, now, by),
                    MediaType.APPLICATION_PDF, name + ".pdf");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename)
                        .build().toString())
                .body(content);
    }
}
