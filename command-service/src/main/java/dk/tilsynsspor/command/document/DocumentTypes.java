package dk.tilsynsspor.command.document;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.Optional;

/**
 * The kinds of file accepted as evidence, told by their content with Apache Tika (magic bytes, the text detector,
 * and the zip containers of OOXML and OpenDocument), never by the file's name or the type the client claims.
 */
final class DocumentTypes {

    /** The accepted media types: PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG and plain text. */
    static final Set<String> ACCEPTED = Set.of(
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.spreadsheet",
            "image/png",
            "image/jpeg",
            "text/plain");

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
        return ACCEPTED.contains(mediaType) ? Optional.of(mediaType) : Optional.empty();
    }
}
