package dk.tilsynsspor.query.order.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import dk.tilsynsspor.core.casework.query.InsightView;
import dk.tilsynsspor.core.order.query.AuditEntry;
import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.DocumentCheck;
import dk.tilsynsspor.core.order.query.Measurement;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.order.query.TrailVerification;
import dk.tilsynsspor.query.pages.Names;
import dk.tilsynsspor.query.pages.PageFormats;
import org.springframework.context.MessageSource;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * The dossier and trail of one order as a PDF an inspector can file: the order, each requirement with its status,
 * evidence and a chart of its measurements against baseline and target, then the trail, how its chain stood and the
 * hash to check the copy by; each page says which order, when it was made, and its page of how many.
 */
final class DossierPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 10);
    private static final Font SMALL = new Font(Font.HELVETICA, 8);
    private static final Font SMALL_BOLD = new Font(Font.HELVETICA, 8, Font.BOLD);
    private final PageFormats formats;
    private final MessageSource labels;
    private final Names names;
    private final PdfText text = new PdfText();

    /** Dates, times, statuses, themes, events and people as the pages show them (the house style's one rule). */
    private DossierPdf(PageFormats formats, MessageSource labels, Names names) {
        this.formats = formats;
        this.labels = labels;
        this.names = names;
    }

    /**
     * {@code names}: the people as the pages name them (the cases' teams' names, else the provider's, else ids);
     * {@code verification}: the chain recomputed as the PDF is made, or null where no chain is kept for the order yet.
     */
    static byte[] render(ComplianceDossier dossier, AuditTrail trail, TrailVerification verification,
                         Instant generatedAt, String generatedBy, PageFormats formats, MessageSource labels,
                         Names names) throws IOException {
        return new DossierPdf(formats, labels, names).write(dossier, trail, verification, generatedAt, generatedBy);
    }

    /** The Danish label of {@code kind.value} (messages.properties), or the value itself if it has none. */
    private String label(String kind, Object value) {
        return labels.getMessage(kind + "." + value, null, String.valueOf(value), PageFormats.DANISH);
    }

    private byte[] write(ComplianceDossier dossier, AuditTrail trail, TrailVerification verification,
                         Instant generatedAt, String generatedBy) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageFooter(text.shown("Påbud " + dossier.reference() + " · dannet "
                    + formats.time(generatedAt))));
            document.addTitle("Revisionsspor " + dossier.reference());
            document.addCreator("Tilsynsspor");
            document.open();
            header(document, dossier, trail, generatedAt, generatedBy);
            for (RequirementDossier requirement : dossier.requirements()) {
                requirement(document, requirement);
            }
            trail(document, trail);
            check(document, trail, verification);
            if (text.replaced() > 0) {
                document.add(new Paragraph(text.replaced() + " tegn, som PDF'ens skrifttyper ikke har, er skrevet "
                        + "som deres Unicode-nummer, fx [U+1F600]. JSON- og CSV-eksporten har teksterne, som de er "
                        + "registreret.", SMALL));
            }
        } catch (DocumentException e) {
            throw new IOException("could not write the PDF", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private void header(Document document, ComplianceDossier dossier, AuditTrail trail, Instant generatedAt,
                               String generatedBy) {
        document.add(paragraph("Påbud " + dossier.reference(), TITLE));
        document.add(line("Tilsyn", dossier.authorityId()));
        document.add(line("Organisation", dossier.organisationId()));
        document.add(line("Lovgrundlag", dossier.legalBasis()));
        document.add(line("Udstedt", formats.date(dossier.issuedOn())));
        document.add(line("Status", label("OrderStatus", dossier.status())
                + (dossier.escalated() ? " (skærpet tilsyn)" : "")));
        if (dossier.summary() != null) {
            document.add(paragraph(dossier.summary(), TEXT));
        }
        if (dossier.notice() != null) {
            var notice = dossier.notice();
            document.add(line("Varslet", formats.date(notice.issuedOn()) + " (registreret "
                    + formats.time(notice.givenAt()) + " af " + names.of(notice.givenBy()) + ")"
                    + ", svarfrist " + formats.date(notice.responseDue())
                    + (notice.lapsedAt() == null ? "" : "; bortfaldet " + formats.time(notice.lapsedAt()) + ": "
                    + notice.lapseReason())));
            for (var answer : notice.answers()) {
                document.add(bullet("Svar " + answer.version() + " (" + formats.time(answer.answeredAt()) + ", "
                        + names.of(answer.answeredBy()) + "): " + answer.response()));
            }
        }
        if (dossier.noticeWaivedReason() != null) {
            document.add(line("Givet uden varsel", dossier.noticeWaivedReason()));
        }
        for (var appeal : dossier.appeals()) {
            document.add(line("Klage til Ankestyrelsen", "indgivet " + formats.date(appeal.lodgedOn())
                    + (appeal.late() ? " (efter fristen på fire uger)" : "")
                    + (appeal.outcome() == null ? ", ikke afgjort" : ", afgjort " + formats.date(appeal.decidedOn())
                    + ": " + label("AppealOutcome", appeal.outcome()) + " — " + appeal.reason())));
        }
        if (dossier.escalation() != null) {
            var escalation = dossier.escalation();
            document.add(line("Skærpet tilsyn", escalation.reason() + " (fra " + formats.time(escalation.escalatedAt())
                    + (escalation.until() == null ? "" : ", til og med " + formats.date(escalation.until()))
                    + (escalation.ending() == null ? ")" : escalation.ending().equals("EXPIRED")
                    ? ", udløbet)" : ", ophævet: " + escalation.endReason() + ")")));
        }
        for (var publication : dossier.publications()) {
            document.add(line("Offentliggjort", publication.place() + ", " + publication.url()
                    + (publication.active() ? "" : " (taget ned " + formats.time(publication.withdrawnAt()) + ")")));
        }
        if (dossier.closure() != null) {
            document.add(line("Afsluttet", label("OrderOutcome", dossier.closure().outcome()) + ", "
                    + formats.time(dossier.closure().closedAt())
                    + (dossier.closure().reason() == null ? "" : ": " + dossier.closure().reason())));
        }
        document.add(line("Dannet", formats.time(generatedAt) + " af " + names.withId(generatedBy)
                + (trail.asOf() == null ? "" : ", som det stod " + formats.time(trail.asOf()))));
    }

    private void requirement(Document document, RequirementDossier requirement)
            throws DocumentException, IOException {
        Paragraph heading = paragraph("Krav " + requirement.number() + ": " + requirement.title(), HEADING);
        heading.setSpacingBefore(14);
        document.add(heading);
        document.add(paragraph(requirement.requiredChange(), TEXT));
        document.add(line("Kvalitetstema", label("QualityTheme", requirement.qualityTheme())));
        document.add(line("Frist", formats.date(requirement.deadline()) + " ("
                + formats.daysLeft(requirement.daysLeft()) + ")"));
        document.add(line("Status", label("RequirementStatus", requirement.status())));
        document.add(line("Verificering kræver", requirement.requiredEvidence().stream()
                .map(kind -> label("EvidenceKind", kind)).collect(java.util.stream.Collectors.joining(", "))));
        for (var amendment : requirement.amendments()) {
            document.add(bullet("Ændret efter klage " + formats.time(amendment.amendedAt()) + ": \""
                    + amendment.previousTitle() + "\" → \"" + amendment.title() + "\", frist "
                    + formats.date(amendment.previousDeadline()) + " → " + formats.date(amendment.deadline())));
        }
        if (requirement.report() != null) {
            document.add(line("Afrapporteret", formats.time(requirement.report().submittedAt()) + " af "
                    + names.of(requirement.report().submittedBy()) + ": " + requirement.report().summary()));
        }
        if (requirement.decision() != null) {
            var decision = requirement.decision();
            document.add(line("Tilsynets afgørelse", label("Decision", decision.decision()) + ", "
                    + formats.time(decision.decidedAt()) + " af " + names.of(decision.decidedBy())
                    + (requirement.reworkReason() == null ? "" : ": " + requirement.reworkReason())));
        }
        for (var extension : requirement.deadlineExtensions()) {
            document.add(bullet("Frist forlænget " + formats.date(extension.previousDeadline()) + " → "
                    + formats.date(extension.newDeadline()) + ": " + extension.reason()));
        }
        for (var request : requirement.extensionRequests()) {
            document.add(bullet("Anmodning om frist " + formats.date(request.proposedDeadline()) + " ("
                    + request.reason() + "): " + label("ExtensionRequestStatus", request.status())
                    + (request.answer() == null ? "" : ", " + request.answer())));
        }
        if (!requirement.actionPlans().isEmpty()) {
            var plan = requirement.actionPlans().get(requirement.actionPlans().size() - 1);
            document.add(line("Handleplan v" + plan.version(), plan.plannedChanges()
                    + (plan.review() == null ? "" : " — " + label("PlanVerdict", plan.review().verdict())
                    + (plan.review().remarks() == null ? "" : ": " + plan.review().remarks()))));
        }
        if (requirement.verification() != null) {
            var verification = requirement.verification();
            document.add(line("Verificeret", formats.time(verification.verifiedAt()) + " af "
                    + names.of(verification.verifiedBy())
                    + (verification.goalMet() ? ", mål nået: " : ", mål ikke nået: ") + verification.conclusion()));
            for (InsightView insight : verification.citedInsights()) {
                document.add(bullet("Indsigt (" + names.of(insight.professionalId()) + "): " + insight.insight()
                        + " — aftalt praksisændring: " + insight.practiceChange()));
            }
            for (Measurement measurement : verification.citedMeasurements()) {
                document.add(bullet("Måling " + formats.date(measurement.measuredOn()) + ": " + measurement.value()
                        + " (" + measurement.source() + ")"));
            }
            for (var cited : verification.citedDocuments()) {
                document.add(bullet("Dokument: " + cited.title()));
            }
        }
        for (var attached : requirement.documents()) {
            document.add(bullet("Dokument \"" + attached.title() + "\" (" + attached.fileName() + ", gælder fra "
                    + formats.date(attached.effectiveOn()) + ", vedhæftet " + formats.time(attached.attachedAt())
                    + " af " + names.of(attached.attachedBy())
                    + (attached.withdrawn() ? "; trukket tilbage: " + attached.withdrawalReason() : "") + ")"));
            document.add(paragraph("SHA-256 " + attached.sha256(), SMALL));
        }
        for (var comment : requirement.comments()) {
            document.add(bullet("Kommentar fra " + names.of(comment.commentedBy()) + " ("
                    + formats.time(comment.commentedAt()) + "): " + comment.text()));
        }
        if (requirement.qualityGoal() != null) {
            var goal = requirement.qualityGoal();
            document.add(line("Kvalitetsmål", goal.indicator() + ": fra " + goal.baseline() + " til " + goal.target()
                    + " " + goal.unit()));
            Image chart = Image.getInstance(QualityChart.render(goal, 900, 420), null);
            chart.scaleToFit(460, 215);
            chart.setAlignment(Element.ALIGN_CENTER);
            document.add(chart);
        }
    }

    private void trail(Document document, AuditTrail trail) {
        Paragraph heading = paragraph("Revisionsspor (" + trail.entries().size() + " hændelser)", HEADING);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(6);
        document.add(heading);
        PdfPTable table = new PdfPTable(new float[]{4, 15, 24, 12, 15, 22});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String column : new String[]{"#", "Registreret", "Hændelse", "Aktør", "Rolle", "Begrundelse"}) {
            PdfPCell cell = new PdfPCell(phrase(column, SMALL_BOLD));
            cell.setBackgroundColor(new Color(0xe8eef4));
            table.addCell(cell);
        }
        for (AuditEntry entry : trail.entries()) {
            table.addCell(phrase(String.valueOf(entry.sequence()), SMALL));
            table.addCell(phrase(formats.shortTime(entry.recordedAt()), SMALL));
            table.addCell(phrase(label("Event", entry.eventType()), SMALL));
            table.addCell(phrase(names.withId(entry.actorId()), SMALL));
            table.addCell(phrase(label("Role", entry.actorRole()), SMALL));
            table.addCell(phrase(entry.reason() == null ? "" : entry.reason(), SMALL));
        }
        document.add(table);
    }

    /**
     * How the chain stood when the PDF was made, and the hash that lets a reader check this copy later (README,
     * "Checking a kept export"): the link of the last event in it that was sealed into the chain.
     */
    private void check(Document document, AuditTrail trail, TrailVerification verification) {
        Paragraph heading = paragraph("Kontrol af revisionssporet", HEADING);
        heading.setSpacingBefore(14);
        document.add(heading);
        if (verification == null) {
            document.add(paragraph("Påbuddets hændelser var endnu ikke kædet sammen, da PDF'en blev dannet, så "
                    + "sporet kunne ikke efterregnes.", TEXT));
        } else if (verification.intact()) {
            document.add(paragraph("Ubrudt, da PDF'en blev dannet: " + (verification.entries() == 1
                    ? "den ene hændelse i hashkæden er genberegnet fra hændelseslageret, og den stemmer"
                    : "alle " + verification.entries() + " hændelser i hashkæden er genberegnet fra "
                    + "hændelseslageret, og de stemmer") + (verification.documents().isEmpty() ? "."
                    : "; hvert dokuments fil passer til sin SHA-256."), TEXT));
        } else if (verification.firstBrokenSequence() != null) {
            document.add(paragraph("Brudt, da PDF'en blev dannet: hashkæden stemmer ikke fra hændelse nr. "
                    + verification.firstBrokenSequence() + " af " + verification.entries() + " (en hændelse er "
                    + "ændret, slettet eller indsat uden om systemet).", TEXT));
        } else {
            document.add(paragraph("Brudt, da PDF'en blev dannet: hashkæden stemmer, men "
                    + verification.documents().stream().filter(DocumentCheck::tampered).count()
                    + " dokumenters filer passer ikke til deres SHA-256 (ændret eller mistet).", TEXT));
        }
        if (verification != null && verification.unlinked() > 0) {
            document.add(paragraph(verification.unlinked() + " af påbuddets hændelser var gemt, men endnu ikke kædet "
                    + "ind; kæden indestår først for dem, når de er.", TEXT));
        }
        AuditEntry last = null;
        for (AuditEntry entry : trail.entries()) {
            if (entry.hash() != null) {
                last = entry;
            }
        }
        if (last != null) {
            document.add(paragraph("Hash ved hændelse nr. " + last.sequence() + ":", new Font(Font.HELVETICA, 10,
                    Font.BOLD)));
            document.add(new Paragraph(last.hash(), new Font(Font.COURIER, 9)));
            document.add(paragraph("Sådan kontrolleres denne kopi senere: lad Tilsynsspor efterregne sporet (siden "
                    + "Revisionsspor). Er det ubrudt, og har hændelse nr. " + last.sequence() + " stadig denne "
                    + "hash, er intet af det, PDF'en viser, ændret siden; hver hash dækker alt før den.", SMALL));
        }
    }

    /** Each page's foot: the order, when the PDF was made, and the page of how many. */
    private static final class PageFooter extends PdfPageEventHelper {

        private final String text;
        private PdfTemplate total;

        PageFooter(String text) {
            this.text = text;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            String shown = text + " · side " + writer.getPageNumber() + " af ";
            BaseFont font = SMALL.getCalculatedBaseFont(false);
            float width = font.getWidthPoint(shown, SMALL.getSize());
            float y = document.bottom() - 24;
            canvas.beginText();
            canvas.setFontAndSize(font, SMALL.getSize());
            canvas.setTextMatrix(document.left(), y);
            canvas.showText(shown);
            canvas.endText();
            canvas.addTemplate(total, document.left() + width, y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(SMALL.getCalculatedBaseFont(false), SMALL.getSize());
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }

    private Paragraph line(String label, String value) {
        Paragraph paragraph = new Paragraph();
        paragraph.add(new Chunk(label + ": ", new Font(Font.HELVETICA, 10, Font.BOLD)));
        paragraph.add(new Chunk(value == null ? "" : text.shown(value), TEXT));
        return paragraph;
    }

    private Paragraph bullet(String bullet) {
        Paragraph paragraph = paragraph("• " + bullet, TEXT);
        paragraph.setIndentationLeft(12);
        return paragraph;
    }

    /** A paragraph of {@code content} as the PDF can show it ({@link PdfText}). */
    private Paragraph paragraph(String content, Font font) {
        return new Paragraph(text.shown(content), font);
    }

    private Phrase phrase(String content, Font font) {
        return new Phrase(text.shown(content), font);
    }
}
