package dk.tilsynsspor.command.document;

import dk.tilsynsspor.command.input.PlausibleDate;
import dk.tilsynsspor.command.rules.RuleViolation;

import java.time.LocalDate;
import java.util.regex.Pattern;

import static dk.tilsynsspor.command.rules.RuleViolation.requireText;

/** What an attached document's event must hold, whoever attaches it (a requirement's leader or a case's team). */
public final class DocumentRules {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private DocumentRules() {
    }

    public static void assertAttachable(String title, String fileName, String mediaType, long size, String sha256,
                                        LocalDate effectiveOn) {
        requireText(title, "document-incomplete", "A document needs a title.", "title");
        requireText(fileName, "document-incomplete", "A document needs its file's name.", "file");
        if (title.length() > DocumentController.MAX_TITLE_LENGTH
                || fileName.length() > DocumentController.MAX_FILE_NAME_LENGTH) {
            throw RuleViolation.unprocessable("document-incomplete", "A title holds at most "
                    + DocumentController.MAX_TITLE_LENGTH + " characters, a file's name "
                    + DocumentController.MAX_FILE_NAME_LENGTH + ".");
        }
        if (mediaType == null || DocumentTypes.accepted(mediaType).isEmpty()) {
            throw RuleViolation.unprocessable("document-type-refused", "Files of type " + mediaType
                    + " are not accepted as evidence.").at("file");
        }
        if (size <= 0 || size > EvidenceFiles.MAX_SIZE.toBytes()) {
            throw RuleViolation.unprocessable("document-too-large", "A document holds 1 byte to 25 MB.").at("file");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw RuleViolation.unprocessable("document-incomplete", "A document's sha256 is 64 lower-case hex "
                    + "digits.");
        }
        if (effectiveOn == null || effectiveOn.isBefore(PlausibleDate.EARLIEST)
                || effectiveOn.isAfter(PlausibleDate.LATEST)) {
            throw RuleViolation.unprocessable("document-incomplete", "A document needs the day it is in force "
                    + "(effectiveOn), from 1900 to 9999.").at("effectiveOn");
        }
    }
}
