package dk.tilsynsspor.command.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A document's type is told by its content: each accepted kind is recognised, a program named .pdf is not PDF. */
class DocumentTypesTest {

    @TempDir
    Path folder;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(folder.resolve(name), content);
    }

    @Test
    void recognisesPdfPngJpegAndPlainTextByTheirBytes() throws IOException {
        assertThat(DocumentTypes.detect(file("a", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(
                StandardCharsets.US_ASCII)))).isEqualTo("application/pdf");
        assertThat(DocumentTypes.detect(file("b", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                0, 0, 0, 13, 'I', 'H', 'D', 'R'}))).isEqualTo("image/png");
        assertThat(DocumentTypes.detect(file("c", new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0,
                16, 'J', 'F', 'I', 'F', 0}))).isEqualTo("image/jpeg");
        assertThat(DocumentTypes.detect(file("d", "Referat af læringsmødet\nDeltagere: …\n".getBytes(
                StandardCharsets.UTF_8)))).isEqualTo("text/plain");
    }

    @Test
    void recognisesWordAndExcelDocumentsByTheirPackage() throws IOException {
        assertThat(DocumentTypes.detect(file("e", ooxml("word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(DocumentTypes.detect(file("f", ooxml("xl/workbook.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet"})
    void recognisesOpenDocumentsByTheirMimetypeEntry(String type) throws IOException {
        assertThat(DocumentTypes.detect(file("g", openDocument(type)))).isEqualTo(type);
    }

    @Test
    void aProgramNamedLikeAPdfIsNotAccepted() throws IOException {
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        program[0x3c] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.US_ASCII), 0, program, 0x80, 4);
        String detected = DocumentTypes.detect(file("rapport.pdf", program));
        assertThat(detected).isNotEqualTo("application/pdf");
        assertThat(DocumentTypes.accepted(detected)).isEmpty();
    }

    /** A minimal OOXML package whose main part is {@code mainPart} of {@code contentType}. */
    static byte[] ooxml(String mainPart, String contentType) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/%s" ContentType="%s"/>
                </Types>""".formatted(mainPart, contentType));
        entries.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/>
                </Relationships>""".formatted(mainPart));
        entries.put(mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><root/>");
        return zip(null, entries);
    }

    /** A minimal OpenDocument: its stored {@code mimetype} entry first, then a manifest and content. */
    static byte[] openDocument(String type) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
        entries.put("META-INF/manifest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
                <manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>
                </manifest:manifest>""".formatted(type));
        return zip(type, entries);
    }

    private static byte[] zip(String mimetype, Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (mimetype != null) {
                byte[] content = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
