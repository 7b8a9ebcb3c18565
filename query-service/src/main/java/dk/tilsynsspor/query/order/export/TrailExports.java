package dk.tilsynsspor.query.order.export;

import dk.tilsynsspor.core.order.query.AuditEntry;
import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.TrailVerification;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.order.OrderReads;
import dk.tilsynsspor.query.pages.Names;
import dk.tilsynsspor.query.pages.PageFormats;
import dk.tilsynsspor.query.people.People;
import dk.tilsynsspor.query.web.InvalidParameterException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit trail of one order as a file to keep, for the API and for the pages alike, under the same rules. */
@Component
public class TrailExports {

    public enum Format {
        CSV, JSON, PDF;

        public static Format parse(String value) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw new InvalidParameterException("format", "Parameter format must be csv, json or pdf.");
        }
    }

    /**
     * How a CSV file separates its cells: a comma (RFC 4180, the API's default, for programs) or a semicolon, which
     * spreadsheet programs set up for Danish (where the comma is the decimal mark) split a file opened by a
     * double-click on; the pages' CSV uses it.
     */
    public enum CsvSeparator {
        COMMA(','), SEMICOLON(';');

        private final char character;

        CsvSeparator(char character) {
            this.character = character;
        }

        public char character() {
            return character;
        }

        /** Absent or blank: the comma. */
        public static CsvSeparator parse(String value) {
            if (value == null || value.isBlank()) {
                return COMMA;
            }
            for (CsvSeparator separator : values()) {
                if (separator.name().equalsIgnoreCase(value.strip())) {
                    return separator;
                }
            }
            throw new InvalidParameterException("separator", "Parameter separator must be comma or semicolon.");
        }
    }

    private final OrderReads reads;
    private final TrailFiles files;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final PageFormats formats;
    private final MessageSource labels;
    private final People people;

    TrailExports(OrderReads reads, TrailFiles files, CurrentActor currentActor, Clock clock, PageFormats formats,
                 MessageSource labels, People people) {
        this.people = people;
        this.reads = reads;
        this.files = files;
        this.currentActor = currentActor;
        this.clock = clock;
        this.formats = formats;
        this.labels = labels;
    }

    /**
     * CSV (its cells separated by {@code separator}), JSON with the chain's verification, or a PDF of the dossier and
     * the trail; {@code asOf} may be null.
     */
    public ResponseEntity<byte[]> export(UUID orderId, Format format, CsvSeparator separator, Instant asOf)
            throws IOException {
        AuditTrail trail = reads.trail(orderId, asOf);
        Instant now = clock.instant();
        String by = currentActor.get().id();
        String name = "revisionsspor-" + trail.reference().replaceAll("[^A-Za-z0-9._-]", "_");
        return switch (format) {
            case CSV -> file(files.csv(trail, separator.character()),
                    SpreadsheetCsv.TEXT_CSV, name + ".csv");
            case JSON -> file(files.json(trail, reads.keptVerification(orderId).orElse(null), now, by),
                    MediaType.APPLICATION_JSON, name + ".json");
            case PDF -> file(pdf(reads.dossier(orderId, asOf), trail, reads.keptVerification(orderId).orElse(null),
                            now, by),
                    MediaType.APPLICATION_PDF, name + ".pdf");
        };
    }

    /** The dossier and the trail, naming people as the pages do. */
    private byte[] pdf(ComplianceDossier dossier, AuditTrail trail, TrailVerification verification, Instant now,
                       String by) throws IOException {
        Names names = Names.of(dossier).with(people.of(List.of(dossier.authorityId(), dossier.organisationId()),
                trail.entries().stream().map(AuditEntry::actorId).distinct().toList()));
        return DossierPdf.render(dossier, trail, verification, now, by, formats, labels, names);
    }

    /** A file to keep: the content as a download of this name. */
    public static ResponseEntity<byte[]> file(byte[] content, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename)
                        .build().toString())
                .body(content);
    }
}
