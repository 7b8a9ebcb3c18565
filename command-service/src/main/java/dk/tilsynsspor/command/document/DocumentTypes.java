package dk.tilsynsspor.command.document;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of file accepted as evidence, told by their content with Apache Tika (magic bytes, the text detector,
 * and the zip containers of OOXML and OpenDocument), never by the file's name or the type the client claims.
 */
final class DocumentTypes {

    /** Accepted media types, with the Danish name the problems use. */
    static final Map<String, String> ACCEPTED = Map.of(
            "application/pdf", "PDF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)",
            "application/vnd.oasis.opendocument.text", "OpenDocument-tekst (ODT)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)",
            "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument-regneark (ODS)",
            "image/png", "PNG",
            "image/jpeg", "JPEG",
            "text/plain", "tekst");

    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private DocumentTypes() {
    }

    /** The file's media type by its content (without parameters such as a text's charset). */
    static String detect(Path file) throws IOException {
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            // no resource name in the metadata: the name must not decide
            MediaType type = DETECTOR.detect(stream, new Metadata());
            return type.getBaseType().toString();
        }
    }

    /** The accepted type, or empty if files of this type are not accepted as evidence. */
    static Optional<String> accepted(String mediaType) {
        return ACCEPTED.containsKey(mediaType) ? Optional.of(mediaType) : Optional.empty();
    }
}
