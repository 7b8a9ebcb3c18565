package dk.tilsynsspor.query.order.export;

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
    @GetMapping("/api/orders/{orderId}/audit-trail/export")
    ResponseEntity<byte[]> export(@PathVariable UUID orderId, @RequestParam("format") String formatName,
                                  @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf)
            throws IOException {
        return exports.export(orderId, TrailExports.Format.parse(formatName), asOf);
    }
}
