package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.access.Actors;
import dk.tilsynsspor.command.lookup.DocumentDirectory;
import dk.tilsynsspor.command.lookup.DocumentDirectory.AttachedDocument;
import dk.tilsynsspor.command.lookup.InsightDirectory;
import dk.tilsynsspor.core.order.AttachEvidenceDocument;
import dk.tilsynsspor.core.order.Evidence;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;
import dk.tilsynsspor.core.order.EvidenceKind;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.VerifyQualityImprovement;
import dk.tilsynsspor.core.order.WithdrawEvidenceDocument;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dk.tilsynsspor.command.order.OrderFlowTest.DEADLINE_1;
import static dk.tilsynsspor.command.order.OrderFlowTest.DEADLINE_2;
import static dk.tilsynsspor.command.order.OrderFlowTest.INSIGHT_1;
import static dk.tilsynsspor.command.order.OrderFlowTest.INSIGHT_2;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ISSUED;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ORDER;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_1;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_2;
import static dk.tilsynsspor.command.rules.Violations.violation;

/** Evidence documents on a requirement and the evidence a requirement requires (second round, part 2). */
class EvidenceDocumentTest {

    static final UUID DOCUMENT = UUID.fromString("00000000-0000-0000-0000-0000000000d0");
    static final UUID CASE_DOCUMENT = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final LocalDate IN_FORCE = ISSUED.plusMonths(1);

    private AggregateTestFixture<SupervisoryOrder> fixture;
    private final Map<UUID, AttachedDocument> documents = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisoryOrder.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
        Map<UUID, InsightDirectory.RecordedInsight> insights = Map.of(
                INSIGHT_1, new InsightDirectory.RecordedInsight(INSIGHT_1, ORDER, REQUIREMENT_1),
                INSIGHT_2, new InsightDirectory.RecordedInsight(INSIGHT_2, ORDER, REQUIREMENT_2));
        fixture.registerInjectableResource((InsightDirectory) id -> Optional.ofNullable(insights.get(id)));
        fixture.registerInjectableResource((DocumentDirectory) id -> Optional.ofNullable(documents.get(id)));
    }

    /** Requirement 1 needs a document and an insight (no measurement, so no quality goal); 2 the default. */
    static SupervisoryOrderImposed imposed() {
        Requirement background = new Requirement(REQUIREMENT_1, "Pædagogisk baggrundsbeskrivelse",
                "Beskriv den pædagogiske metode skriftligt", QualityTheme.values()[0], DEADLINE_1,
                List.of(EvidenceKind.DOCUMENT, EvidenceKind.INSIGHT));
        return new SupervisoryOrderImposed(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-2026-0042",
                "Lov om socialtilsyn § 8", ISSUED, "Påbud", List.of(background,
                SupervisoryOrderTest.lowArousal(DEADLINE_2)));
    }

    static AttachEvidenceDocument attach(String mediaType, long size) {
        return new AttachEvidenceDocument(ORDER, REQUIREMENT_1, DOCUMENT, "Baggrundsbeskrivelse", "baggrund.pdf",
                mediaType, size, SHA, IN_FORCE);
    }

    static EvidenceDocumentAttached attached() {
        return new EvidenceDocumentAttached(ORDER, REQUIREMENT_1, null, DOCUMENT, "leader", "Baggrundsbeskrivelse",
                "baggrund.pdf", "application/pdf", 1234, SHA, IN_FORCE);
    }

    private void known(UUID documentId, UUID requirementId, boolean withdrawn) {
        documents.put(documentId, new AttachedDocument(documentId, ORDER, requirementId, null, withdrawn));
    }

    private static VerifyQualityImprovement verifyCiting(List<UUID> documentIds) {
        return new VerifyQualityImprovement(ORDER, REQUIREMENT_1, true, "Beskrivelsen er i brug",
                new Evidence(List.of(INSIGHT_1), List.of(), documentIds));
    }

    @Test
    void aLeaderAttachesADocumentToARequirementAndTheEventKeepsItsHash() {
        fixture.given(imposed(), new SupervisoryOrderAcknowledged(ORDER, "kk-handicap"))
                .when(attach("application/pdf", 1234))
                .expectEvents(attached());
    }

    @Test
    void anInspectorCannotAttachADocument() {
        fixture.given(imposed()).when(attach("application/pdf", 1234), Actors.INSPECTOR)
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    @Test
    void aTypeNotAcceptedIsRefused() {
        fixture.given(imposed()).when(attach("application/x-msdownload", 1234))
                .expectNoEvents().expectException(violation("document-type-refused"));
    }

    @Test
    void aDocumentOver25MegabytesIsRefused() {
        fixture.given(imposed()).when(attach("application/pdf", 25L * 1024 * 1024 + 1))
                .expectNoEvents().expectException(violation("document-too-large"));
    }

    @Test
    void aRequirementThatNeedsADocumentIsNotVerifiedWithoutOne() {
        fixture.given(imposed(), attached()).when(verifyCiting(List.of()))
                .expectNoEvents().expectException(violation("evidence-missing"));
    }

    @Test
    void aRequirementThatNeedsADocumentAndAnInsightIsVerifiedWithoutAQualityGoalOrMeasurement() {
        known(DOCUMENT, REQUIREMENT_1, false);
        fixture.given(imposed(), attached()).when(verifyCiting(List.of(DOCUMENT)))
                .expectEvents(new QualityImprovementVerified(ORDER, REQUIREMENT_1, true, "Beskrivelsen er i brug",
                        new Evidence(List.of(INSIGHT_1), List.of(), List.of(DOCUMENT))));
    }

    @Test
    void aVerificationMayCiteADocumentAttachedToACaseForTheRequirement() {
        documents.put(CASE_DOCUMENT, new AttachedDocument(CASE_DOCUMENT, ORDER, REQUIREMENT_1, CASE, false));
        fixture.given(imposed()).when(verifyCiting(List.of(CASE_DOCUMENT)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aWithdrawnDocumentCannotBeCited() {
        known(DOCUMENT, REQUIREMENT_1, true);
        fixture.given(imposed(), attached()).when(verifyCiting(List.of(DOCUMENT)))
                .expectNoEvents().expectException(violation("document-withdrawn"));
    }

    @Test
    void aDocumentOfAnotherRequirementCannotBeCited() {
        known(DOCUMENT, REQUIREMENT_2, false);
        fixture.given(imposed()).when(verifyCiting(List.of(DOCUMENT)))
                .expectNoEvents().expectException(violation("document-serves-another-requirement"));
    }

    @Test
    void aDocumentOfAnotherOrderIsAnsweredAsUnknown() {
        documents.put(DOCUMENT, new AttachedDocument(DOCUMENT, UUID.randomUUID(), REQUIREMENT_1, null, false));
        fixture.given(imposed()).when(verifyCiting(List.of(DOCUMENT)))
                .expectNoEvents().expectException(violation("unknown-document"));
    }

    @Test
    void aRequirementImposedWithoutRequiredEvidenceStillNeedsAMeasurementAndAnInsight() {
        fixture.given(imposed()).when(new VerifyQualityImprovement(ORDER, REQUIREMENT_2, true, "ok",
                        new Evidence(List.of(INSIGHT_2), List.of())))
                .expectNoEvents().expectException(violation("evidence-missing"));
    }

    @Test
    void aLeaderWithdrawsADocumentWithAReason() {
        fixture.given(imposed(), attached())
                .when(new WithdrawEvidenceDocument(ORDER, DOCUMENT, "Erstattet af version 2"))
                .expectEvents(new EvidenceDocumentWithdrawn(ORDER, REQUIREMENT_1, null, DOCUMENT, "leader",
                        "Erstattet af version 2"));
    }

    @Test
    void aWithdrawalNeedsAReasonAndHappensOnce() {
        fixture.given(imposed(), attached())
                .when(new WithdrawEvidenceDocument(ORDER, DOCUMENT, " "))
                .expectNoEvents().expectException(violation("reason-required"));
        fixture.given(imposed(), attached(), new EvidenceDocumentWithdrawn(ORDER, REQUIREMENT_1, null, DOCUMENT,
                        "leader", "Erstattet"))
                .when(new WithdrawEvidenceDocument(ORDER, DOCUMENT, "igen"))
                .expectNoEvents().expectException(violation("document-withdrawn"));
    }

    @Test
    void anUnknownDocumentCannotBeWithdrawn() {
        fixture.given(imposed()).when(new WithdrawEvidenceDocument(ORDER, DOCUMENT, "fejl"))
                .expectNoEvents().expectException(violation("unknown-document"));
    }
}
