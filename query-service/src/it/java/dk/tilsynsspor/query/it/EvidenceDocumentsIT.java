package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static dk.tilsynsspor.query.it.WorkedExample.expect;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Evidence documents end to end (second round, part 2): a requirement that needs a document is verified citing an
 * uploaded PDF, the dossier, the download and the exports carry its hash, a forged type and an oversized file are
 * refused, a case's document is sealed and withdrawn, and a file changed in the database is detected.
 */
@ExtendWith(EndToEnd.class)
class EvidenceDocumentsIT {

    /** A small but real PDF: the pedagogical background description. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(UTF_8);
    /** Minutes of a learning session, as plain text on the case: personal, so sealed at rest. */
    static final byte[] MINUTES = "Referat: beboeren sov uroligt efter aftensmaden i uge 48.\n".getBytes(UTF_8);

    @Test
    void aRequirementIsVerifiedCitingAnUploadedDocumentWhoseHashTheTrailVouchesFor(EndToEnd.Stack stack)
            throws Exception {
        WorkedExample example = WorkedExample.imposedNeeding(stack.commands, "ST-DOC-1", List.of("DOCUMENT",
                "INSIGHT"));
        example.acknowledgeAndPlan();
        example.openCaseWithTeam();
        example.learn();
        String documents = example.requirement(example.methodRequirement, "/documents");
        Map<String, String> fields = Map.of("title", "Pædagogisk baggrundsbeskrivelse", "effectiveOn", "2026-12-01");
        long keptBefore = count(stack, "SELECT count(*) FROM events.evidence_document");

        // a program named like a PDF, an oversized file, a missing title, a field twice: refused, nothing kept
        byte[] program = Arrays.copyOf("MZ\u0090\0".getBytes(UTF_8), 4096);
        Api.Response forged = stack.commands.upload("leader", documents, fields, "baggrund.pdf", program, Map.of());
        assertThat(forged.status()).as("%s", forged.body()).isEqualTo(422);
        assertThat(forged.body().get("type").asText()).endsWith(":document-type-refused");
        byte[] tooLarge = new byte[25 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        Api.Response large = stack.commands.upload("leader", documents, fields, "stor.txt", tooLarge, Map.of());
        assertThat(large.status()).as("%s", large.body()).isEqualTo(422);
        assertThat(large.body().get("type").asText()).endsWith(":document-too-large");
        assertThat(stack.commands.upload("leader", documents, Map.of("effectiveOn", "2026-12-01"), "b.pdf", PDF,
                Map.of()).status()).isEqualTo(400);
        assertThat(stack.commands.upload("inspector", documents, fields, "b.pdf", PDF, Map.of()).status())
                .isEqualTo(403);
        // a file name over the 255 characters is told so, also in letters of two bytes each: the part's header is
        // then over Tomcat's 512 bytes, which answered 413 "Maximum upload size exceeded" for a file of a few bytes
        Api.Response longName = stack.commands.upload("leader", documents, fields, "ø".repeat(252) + ".pdf", PDF,
                Map.of());
        assertThat(longName.status()).as("%s", longName.body()).isEqualTo(422);
        assertThat(longName.body().get("detail").asText()).contains("1 to 255 characters");
        // a name no file system allows, its part's headers past their 2 KB: 400 saying so, not "upload too large"
        Api.Response endlessName = stack.commands.upload("leader", documents, fields, "a".repeat(3000) + ".pdf", PDF,
                Map.of());
        assertThat(endlessName.status()).as("%s", endlessName.body()).isEqualTo(400);
        assertThat(endlessName.body().get("detail").asText()).contains("headers (such as its file's name)");
        // a title sent twice (Spring would store "x,y"), a second file (Spring would drop it): refused
        Api.Response twoTitles = stack.commands.upload("leader", documents, List.of(Api.Part.text("title", "Et"),
                Api.Part.text("title", "To"), Api.Part.text("effectiveOn", "2026-12-01"),
                new Api.Part("file", "b.pdf", PDF)), Map.of());
        assertThat(twoTitles.status()).as("%s", twoTitles.body()).isEqualTo(400);
        assertThat(twoTitles.body().at("/errors/0/field").asText()).isEqualTo("title");
        Api.Response twoFiles = stack.commands.upload("leader", documents, List.of(Api.Part.text("title", "Et"),
                Api.Part.text("effectiveOn", "2026-12-01"), new Api.Part("file", "b.pdf", PDF),
                new Api.Part("file", "c.txt", MINUTES)), Map.of());
        assertThat(twoFiles.status()).as("%s", twoFiles.body()).isEqualTo(400);
        assertThat(twoFiles.body().at("/errors/0/field").asText()).isEqualTo("file");
        // a part the upload does not take (Spring would drop it while the client believes it kept): refused
        Api.Response description = stack.commands.upload("leader", documents, List.of(Api.Part.text("title", "Et"),
                Api.Part.text("effectiveOn", "2026-12-01"), Api.Part.text("description", "Gemmes ingen steder"),
                new Api.Part("file", "b.pdf", PDF)), Map.of());
        assertThat(description.status()).as("%s", description.body()).isEqualTo(400);
        assertThat(description.body().at("/errors/0/field").asText()).isEqualTo("description");
        assertThat(count(stack, "SELECT count(*) FROM events.evidence_document")).isEqualTo(keptBefore);

        // the upload: its sha256 answered, the same again with the same Idempotency-Key
        Map<String, String> once = Map.of("Idempotency-Key", "upload-ST-DOC-1");
        JsonNode attached = expect(201, stack.commands.upload("leader", documents, fields,
                "baggrundsbeskrivelse.pdf", PDF, once)).body();
        String documentId = attached.get("id").asText();
        assertThat(attached.get("sha256").asText()).isEqualTo(sha256(PDF));
        Api.Response replayed = stack.commands.upload("leader", documents, fields, "baggrundsbeskrivelse.pdf", PDF,
                once);
        assertThat(replayed.body().get("id").asText()).isEqualTo(documentId);
        assertThat(count(stack, "SELECT count(*) FROM events.evidence_document")).isEqualTo(keptBefore + 1);

        // the requirement needs a document: verifying with an insight alone is refused, citing the PDF is accepted
        String verification = example.requirement(example.methodRequirement, "/verification");
        Api.Response withoutDocument = stack.commands.post("leader", verification, Map.of("goalMet", true,
                "conclusion", "Metoden er beskrevet", "evidence", Map.of("insightIds",
                        List.of(example.insightIds.get(1)))));
        assertThat(withoutDocument.status()).isEqualTo(422);
        assertThat(withoutDocument.body().get("type").asText()).endsWith(":evidence-missing");
        expect(200, stack.commands.post("leader", verification, Map.of("goalMet", true,
                "conclusion", "Metoden er beskrevet og bruges i handleplanerne", "evidence", Map.of(
                        "insightIds", List.of(example.insightIds.get(1)), "documentIds", List.of(documentId)))));

        JsonNode requirement = await().atMost(Duration.ofSeconds(10)).until(
                () -> stack.queries.get("inspector", example.order("/dossier")).body().at("/requirements/0"),
                r -> r.at("/verification/citedDocuments").size() == 1);
        assertThat(requirement.get("requiredEvidence").toString()).contains("DOCUMENT", "INSIGHT")
                .doesNotContain("MEASUREMENT");
        assertThat(requirement.at("/documents/0/sha256").asText()).isEqualTo(sha256(PDF));
        assertThat(requirement.at("/documents/0/title").asText()).isEqualTo("Pædagogisk baggrundsbeskrivelse");
        assertThat(requirement.at("/documents/0/effectiveOn").asText()).isEqualTo("2026-12-01");
        assertThat(requirement.at("/verification/citedDocuments/0/documentId").asText()).isEqualTo(documentId);

        // the download: the same bytes, the hash in Digest; nothing to whoever may not see the order
        HttpResponse<byte[]> download = stack.queries.download("inspector", "/api/documents/" + documentId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Digest")).contains("sha-256="
                + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(download.headers().firstValue("X-Document-Sha256")).contains(sha256(PDF));
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(stack.queries.download("leader2", "/api/documents/" + documentId).statusCode()).isEqualTo(404);
        assertThat(stack.queries.download("paedagog", "/api/documents/" + documentId).statusCode()).isEqualTo(404);

        // the exports list it with its hash
        assertThat(PdfPages.ofOrder(stack, example)).contains("Pædagogisk baggrundsbeskrivelse", sha256(PDF));
        String json = new String(stack.queries.download("inspector",
                example.order("/audit-trail/export?format=json")).body(), UTF_8);
        assertThat(json).contains(sha256(PDF));

        // a file in hand is checked against its event
        String check = "/api/documents/" + documentId + "/check";
        JsonNode same = stack.queries.upload("inspector", check, Map.of(), "kopi.pdf", PDF, Map.of()).body();
        assertThat(same.get("matches").asBoolean()).as("%s", same).isTrue();
        assertThat(same.at("/kept/outcome").asText()).isEqualTo("INTACT");
        JsonNode other = stack.queries.upload("inspector", check, Map.of(), "kopi.pdf", MINUTES, Map.of()).body();
        assertThat(other.get("matches").asBoolean()).isFalse();
        Api.Response withANote = stack.queries.upload("inspector", check, List.of(new Api.Part("file", "kopi.pdf",
                PDF), Api.Part.text("note", "fra tilsynsbesøget")), Map.of());
        assertThat(withANote.status()).as("a part the check does not take: %s", withANote.body()).isEqualTo(400);
        assertThat(withANote.body().at("/errors/0/field").asText()).isEqualTo("note");
        JsonNode intact = example.sealedVerification(stack.queries);
        assertThat(intact.get("intact").asBoolean()).as("%s", intact).isTrue();
        assertThat(intact.at("/documents/0/outcome").asText()).isEqualTo("INTACT");

        // the file changed in the database: the verification finds it, the download refuses it
        try (Connection connection = stack.database.connect();
             PreparedStatement tamper = connection.prepareStatement(
                     "UPDATE events.evidence_document SET content = ? WHERE document_id = ?::uuid")) {
            tamper.setBytes(1, new String(PDF, UTF_8).replace("/Count 0", "/Count 1").getBytes(UTF_8));
            tamper.setString(2, documentId);
            assertThat(tamper.executeUpdate()).isEqualTo(1);
        }
        JsonNode tampered = stack.queries.get("inspector", example.order("/audit-trail/verification")).body();
        assertThat(tampered.get("intact").asBoolean()).as("%s", tampered).isFalse();
        assertThat(tampered.get("firstBrokenSequence").isNull()).as("the events themselves are intact").isTrue();
        assertThat(tampered.at("/documents/0/outcome").asText()).isEqualTo("ALTERED");
        assertThat(tampered.at("/documents/0/expectedSha256").asText()).isEqualTo(sha256(PDF));
        Api.Response refused = stack.queries.get("inspector", "/api/documents/" + documentId);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("type").asText()).endsWith(":document-altered");
        JsonNode afterTamper = stack.queries.upload("inspector", check, Map.of(), "kopi.pdf", PDF, Map.of()).body();
        assertThat(afterTamper.get("matches").asBoolean()).as("the inspector's copy is the one the trail names")
                .isTrue();
        assertThat(afterTamper.at("/kept/outcome").asText()).isEqualTo("ALTERED");
    }

    @Test
    void aCaseDocumentIsSealedAndWithdrawnByWhoeverAttachedIt(EndToEnd.Stack stack) throws Exception {
        WorkedExample example = WorkedExample.learned(stack.commands, "ST-DOC-2");
        example.measure();
        String documents = "/api/cases/" + example.caseId + "/documents";
        Map<String, String> fields = Map.of("title", "Referat af læringsmøde", "effectiveOn", "2026-12-01",
                "requirementId", example.restraintRequirement);
        assertThat(stack.commands.upload("inspector", documents, fields, "referat.txt", MINUTES, Map.of()).status())
                .isEqualTo(403);
        assertThat(stack.commands.upload("leader2", documents, fields, "referat.txt", MINUTES, Map.of()).status())
                .isEqualTo(404);
        String documentId = expect(201, stack.commands.upload("paedagog", documents, fields, "referat.txt", MINUTES,
                Map.of())).body().get("id").asText();

        // sealed at rest: neither the bytes nor the title are in the clear
        assertThat(count(stack, "SELECT count(*) FROM events.evidence_document WHERE document_id = '" + documentId
                + "' AND position(convert_to('beboeren sov', 'UTF8') in content) = 0 AND sealed")).isEqualTo(1);
        assertThat(count(stack, "SELECT count(*) FROM events.domain_event_entry WHERE aggregateIdentifier = '"
                + example.caseId + "' AND position(convert_to('Referat af', 'UTF8') in payload) > 0")).isZero();
        HttpResponse<byte[]> download = await().atMost(Duration.ofSeconds(10)).until(
                () -> stack.queries.download("leader", "/api/documents/" + documentId), r -> r.statusCode() == 200);
        assertThat(download.body()).isEqualTo(MINUTES);
        assertThat(stack.queries.download("psykolog", "/api/documents/" + documentId).statusCode()).isEqualTo(200);
        JsonNode view = stack.queries.get("paedagog", "/api/cases/" + example.caseId).body();
        assertThat(view.at("/documents/0/title").asText()).isEqualTo("Referat af læringsmøde");

        String withdrawal = "/api/documents/" + documentId + "/withdrawal";
        assertThat(stack.commands.post("socialraadgiver", withdrawal, Map.of("reason", "fejl")).status())
                .isEqualTo(403);
        expect(200, stack.commands.post("paedagog", withdrawal, Map.of("reason", "Forkert møde")));
        Api.Response cited = stack.commands.post("leader", example.requirement(example.restraintRequirement,
                "/verification"), Map.of("goalMet", true, "conclusion", "Faldet", "evidence", Map.of(
                "insightIds", List.of(example.insightIds.get(0)), "measurementIds", example.restraintMeasurements,
                "documentIds", List.of(documentId))));
        assertThat(cited.status()).isEqualTo(422);
        assertThat(cited.body().get("type").asText()).endsWith(":document-withdrawn");
        HttpResponse<byte[]> stillThere = await().atMost(Duration.ofSeconds(10)).until(
                () -> stack.queries.download("leader", "/api/documents/" + documentId),
                r -> r.headers().firstValue("X-Document-Withdrawn").orElse("").equals("true"));
        assertThat(stillThere.body()).isEqualTo(MINUTES);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long count(EndToEnd.Stack stack, String sql) throws Exception {
        try (Connection connection = stack.database.connect();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
