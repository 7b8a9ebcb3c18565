package dk.tilsynsspor.command.order;

import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.order.ActionPlanReviewed;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.AppealDecided;
import dk.tilsynsspor.core.order.AppealOutcome;
import dk.tilsynsspor.core.order.AppealRegistered;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.DeadlineExtensionRequested;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;
import dk.tilsynsspor.core.order.Milestone;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.NoticeResponded;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.OrderPublished;
import dk.tilsynsspor.core.order.PlanVerdict;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.RequirementAnnulled;
import dk.tilsynsspor.core.order.RequirementDeadlineMissed;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.Evidence;
import dk.tilsynsspor.platform.events.EventMapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static dk.tilsynsspor.command.order.OrderFlowTest.DEADLINE_1;
import static dk.tilsynsspor.command.order.OrderFlowTest.DEADLINE_2;
import static dk.tilsynsspor.command.order.OrderFlowTest.MEASURED_2;
import static dk.tilsynsspor.command.order.OrderFlowTest.MEASURED_6;
import static dk.tilsynsspor.command.order.OrderFlowTest.MEASURED_95;
import static dk.tilsynsspor.command.order.OrderFlowTest.INSIGHT_1;
import static dk.tilsynsspor.command.order.OrderFlowTest.measured;
import static dk.tilsynsspor.command.order.OrderFlowTest.methodGoal;
import static dk.tilsynsspor.command.order.OrderFlowTest.restraintGoal;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ISSUED;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ORDER;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_1;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.REQUIREMENT_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order restored from its snapshot is the order read from its events: every field of it and of its members, and
 * the answers to its keyed commands, through the snapshot's JSON as the store keeps it.
 */
class OrderSnapshotTest {

    static final UUID REQUIREMENT_3 = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID DOCUMENT_KEPT = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID DOCUMENT_WITHDRAWN = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    static final UUID PUBLICATION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    /** Recorded after {@code MEASURED_2} but taken before it: not the requirement's latest measurement. */
    static final UUID MEASURED_LATE = UUID.fromString("00000000-0000-0000-0000-0000000000b9");
    static final UUID APPEAL_DECIDED = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID APPEAL_OPEN = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
    static final UUID EXTENSION = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    /**
     * The fields the long life below leaves at their defaults (null, zero, false, empty): each field of the order's
     * classes is either set by it, and so compared after a restore, or named here. A field added to the order shows
     * up here until the life sets it, and its snapshot with it.
     */
    static final Set<String> LEFT_AT_DEFAULT = Set.of(
            "stage.lapsed", // a lapsed notice is never imposed
            "appeals.appeals[OPEN_APPEAL].decided",
            "requirements[REQ3].actionPlanVersions", "requirements[REQ3].goal", "requirements[REQ3].verified",
            "requirements[REQ3].documents", "requirements[REQ3].measurementIds",
            "requirements[REQ3].latestMeasurement", "requirements[REQ3].accepted",
            "requirements[REQ3].annulled", "requirements[REQ3].missedDeadline",
            "requirements[REQ3].dialogue.planVersions", "requirements[REQ3].dialogue.reviewedVersions",
            "requirements[REQ3].dialogue.extensionRequests", "requirements[REQ3].dialogue.openRequest",
            "requirements[REQ2].reported", "requirements[REQ2].accepted", "requirements[REQ2].verified",
            "requirements[REQ2].documents", "requirements[REQ2].actionPlanVersions",
            "requirements[REQ2].dialogue.planVersions", "requirements[REQ2].dialogue.reviewedVersions",
            "requirements[REQ2].dialogue.extensionRequests", "requirements[REQ2].dialogue.openRequest",
            "requirements[REQ1].annulled", "requirements[REQ1].reported", "requirements[REQ1].missedDeadline");

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventMapper.create()).build();
    private final OrderSnapshots snapshots = new OrderSnapshots();
    private final OrderSnapshots.StateSnapshotter snapshotter = new OrderSnapshots.StateSnapshotter(
            AggregateSnapshotter.builder()
                    .eventStore(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build())
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .aggregateFactories(snapshots.supervisoryOrderAggregateFactory()));

    @Test
    void anOrderRestoredFromItsSnapshotIsTheOrderReadFromItsEvents() {
        List<DomainEventMessage<?>> life = life();
        SupervisoryOrder read = read(DomainEventStream.of(life));

        OrderSnapshot snapshot = storedAndReadBack(snapshotOf(life));
        SupervisoryOrder restored = snapshots.supervisoryOrderAggregateFactory().createAggregateRoot(
                ORDER.toString(), snapshotMessage(snapshot, life.size() - 1));

        assertThat(restored).usingRecursiveComparison().ignoringFieldsOfTypes(Function.class).isEqualTo(read);
        assertThat(answers(restored)).isEqualTo(answers(read)).containsEntry("key-response", 2)
                .containsEntry("key-plan", 1).containsEntry("key-appeal", APPEAL_OPEN)
                .containsEntry("key-close", OrderOutcome.COMPLIED).containsEntry("key-acknowledge", "none");
    }

    @Test
    void theLifeSetsEveryFieldOfTheOrderButThoseNamed() throws IllegalAccessException {
        Set<String> atDefault = new TreeSet<>();
        defaults("", read(DomainEventStream.of(life())), atDefault, new IdentityHashMap<>());
        assertThat(atDefault).containsExactlyInAnyOrderElementsOf(LEFT_AT_DEFAULT);
    }

    @Test
    void theEventsAfterASnapshotAreAppliedToTheOrderItRestores() {
        List<DomainEventMessage<?>> life = life();
        SupervisoryOrder whole = read(DomainEventStream.of(life));
        for (int cut = 1; cut < life.size(); cut++) { // between any two events, measurements included
            OrderSnapshot early = storedAndReadBack(snapshotOf(life.subList(0, cut)));
            List<DomainEventMessage<?>> fromSnapshot = new ArrayList<>();
            fromSnapshot.add(snapshotMessage(early, cut - 1));
            fromSnapshot.addAll(life.subList(cut, life.size()));

            assertThat(read(DomainEventStream.of(fromSnapshot))).as("snapshot after %d events", cut)
                    .usingRecursiveComparison().ignoringFieldsOfTypes(Function.class).isEqualTo(whole);
            assertThat(snapshotOf(fromSnapshot)).isEqualTo(snapshotOf(life));
        }
    }

    @Test
    void theMadeUpOrderReadAheadOfTheFirstRestoresWhole() {
        OrderSnapshot longLived = OrderSnapshots.longLived(1_000);
        OrderSnapshot readBack = storedAndReadBack(longLived);

        assertThat(readBack).isEqualTo(longLived);
        OrderRequirement requirement = SupervisoryOrder.restore(readBack)
                .requirement(longLived.requirements().get(0).id());
        List<UUID> ids = longLived.requirements().get(0).measurementIds();
        ids.forEach(requirement::assertOwnMeasurement);
        assertThat(requirement.latestMeasurement()).map(QualityMeasurementRecorded::measurementId)
                .contains(ids.get(ids.size() - 1));
    }

    @Test
    void theLatestMeasurementIsTheOneTakenLastNotTheOneRecordedLast() {
        OrderRequirement restraint = read(DomainEventStream.of(life())).requirement(REQUIREMENT_2);
        assertThat(restraint.latestMeasurement()).map(QualityMeasurementRecorded::measurementId)
                .contains(MEASURED_2);
    }

    @Test
    void onlySnapshotsOfThisRevisionAreRead() {
        assertThat(OrderSnapshots.readable(stored("SupervisoryOrder", OrderSnapshot.class.getName(),
                OrderSnapshot.REVISION))).isTrue();
        assertThat(OrderSnapshots.readable(stored("SupervisoryOrder", OrderSnapshot.class.getName(), "0"))).isFalse();
        assertThat(OrderSnapshots.readable(stored("SupervisoryOrder", SupervisoryOrder.class.getName(), null)))
                .isFalse();
        assertThat(OrderSnapshots.readable(stored("CitizenCase", "dk.tilsynsspor.command.casework.CitizenCase",
                null))).isTrue();
    }

    /** An order from notice to closure, with a little of everything an order keeps. */
    static List<DomainEventMessage<?>> life() {
        Requirement third = new Requirement(REQUIREMENT_3, "Journalføring", "journal entries within a week",
                QualityTheme.ORGANISATION_OG_LEDELSE, DEADLINE_2);
        List<Requirement> requirements = List.of(SupervisoryOrderTest.documentMethod(DEADLINE_1),
                SupervisoryOrderTest.lowArousal(DEADLINE_2), third);
        List<Object> payloads = List.of(
                new NoticeOfOrderGiven(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-2026-0042",
                        "Lov om socialtilsyn § 8", ISSUED, "Varsel om påbud", requirements, ISSUED.plusDays(14)),
                new NoticeResponded(ORDER, 1, "Vi er uenige", List.of()),
                new NoticeResponded(ORDER, 2, "Vi er stadig uenige", List.of()),
                new SupervisoryOrderImposed(ORDER, "socialtilsyn-hovedstaden", "kk-handicap", "ST-2026-0042",
                        "Lov om socialtilsyn § 8", ISSUED.plusDays(20), "Påbud", requirements, null, true),
                new SupervisoryOrderAcknowledged(ORDER, "kk-handicap"),
                new ActionPlanSubmitted(ORDER, REQUIREMENT_1, 1, "Metoden beskrives", "Leder",
                        List.of(new Milestone("Beskrivelser skrevet", DEADLINE_1.minusDays(10)))),
                new ActionPlanReviewed(ORDER, REQUIREMENT_1, 1, PlanVerdict.APPROVED, "Godkendt"),
                methodGoal(), restraintGoal(),
                measured(REQUIREMENT_1, MEASURED_95, 95, ISSUED.plusMonths(2)),
                measured(REQUIREMENT_2, MEASURED_6, 6, ISSUED.plusMonths(1)),
                measured(REQUIREMENT_2, MEASURED_2, 2, ISSUED.plusMonths(2)),
                measured(REQUIREMENT_2, MEASURED_LATE, 9, ISSUED.plusMonths(1).plusDays(10)),
                new EvidenceDocumentAttached(ORDER, REQUIREMENT_1, null, DOCUMENT_KEPT, "leader-1", "Beskrivelse",
                        "beskrivelse.pdf", "application/pdf", 1234, "a".repeat(64), ISSUED.plusMonths(2)),
                new EvidenceDocumentAttached(ORDER, REQUIREMENT_1, null, DOCUMENT_WITHDRAWN, "leader-1", "Udkast",
                        "udkast.pdf", "application/pdf", 99, "b".repeat(64), ISSUED.plusMonths(2)),
                new EvidenceDocumentWithdrawn(ORDER, REQUIREMENT_1, null, DOCUMENT_WITHDRAWN, "leader-1",
                        "Forkert fil"),
                new OrderPublished(ORDER, PUBLICATION, "STPS", "https://stps.dk/tilsyn/ST-2026-0042"),
                new SupervisoryOrderEscalated(ORDER, "Magtanvendelser fortsætter", ISSUED.plusMonths(4),
                        List.of(REQUIREMENT_2)),
                new AppealRegistered(ORDER, APPEAL_DECIDED, ISSUED.plusDays(25), List.of(REQUIREMENT_2), false),
                new RequirementDeadlineMissed(ORDER, REQUIREMENT_2, DEADLINE_2),
                new AppealDecided(ORDER, APPEAL_DECIDED, AppealOutcome.ANNULLED, ISSUED.plusMonths(7), "Ophævet"),
                new RequirementAnnulled(ORDER, REQUIREMENT_2, APPEAL_DECIDED),
                new AppealRegistered(ORDER, APPEAL_OPEN, ISSUED.plusMonths(8), List.of(REQUIREMENT_3), true),
                new DeadlineExtensionRequested(ORDER, REQUIREMENT_1, EXTENSION, DEADLINE_1, DEADLINE_1.plusDays(30),
                        "Sygdom i personalegruppen"),
                new QualityImprovementVerified(ORDER, REQUIREMENT_1, true, "Målet er nået",
                        new Evidence(List.of(INSIGHT_1), List.of(MEASURED_95))),
                new ComplianceReportSubmitted(ORDER, "Krav 1 er fulgt op", List.of(REQUIREMENT_1)),
                new ComplianceAccepted(ORDER, List.of(REQUIREMENT_1), false),
                new ComplianceReportSubmitted(ORDER, "Krav 3 er fulgt op", List.of(REQUIREMENT_3)),
                new SupervisoryOrderClosed(ORDER, "Påbuddet er efterkommet", false, OrderOutcome.COMPLIED));
        Map<Class<?>, String> keys = Map.of(NoticeResponded.class, "key-response",
                ActionPlanSubmitted.class, "key-plan", SupervisoryOrderAcknowledged.class, "key-acknowledge",
                SupervisoryOrderClosed.class, "key-close");
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            String key = payload instanceof AppealRegistered appeal && appeal.appealId().equals(APPEAL_OPEN)
                    ? "key-appeal" : keys.get(payload.getClass());
            // a keyed command's first event names what it answered: the second response's key answers version 2
            if (payload instanceof NoticeResponded responded && responded.version() == 1) {
                key = "key-first-response";
            }
            events.add(new GenericDomainEventMessage<>("SupervisoryOrder", ORDER.toString(), events.size(),
                    payload, key == null ? MetaData.emptyInstance() : MetaData.with(AuditMetadata.IDEMPOTENCY_KEY,
                    key)));
        }
        return events;
    }

    private OrderSnapshot snapshotOf(List<DomainEventMessage<?>> events) {
        return (OrderSnapshot) snapshotter.createSnapshot(SupervisoryOrder.class, ORDER.toString(),
                DomainEventStream.of(events)).getPayload();
    }

    /** The snapshot as the store keeps it: written and read back by the events' JSON mapping. */
    private OrderSnapshot storedAndReadBack(OrderSnapshot snapshot) {
        SerializedObject<byte[]> stored = serializer.serialize(snapshot, byte[].class);
        assertThat(stored.getType().getRevision()).isEqualTo(OrderSnapshot.REVISION);
        OrderSnapshot readBack = serializer.deserialize(stored);
        assertThat(readBack).isEqualTo(snapshot);
        return readBack;
    }

    private static DomainEventMessage<?> snapshotMessage(OrderSnapshot snapshot, long sequence) {
        return new GenericDomainEventMessage<>("SupervisoryOrder", ORDER.toString(), sequence, snapshot);
    }

    private SupervisoryOrder read(DomainEventStream events) {
        DomainEventMessage<?> first = events.peek();
        SupervisoryOrder order = snapshots.supervisoryOrderAggregateFactory().createAggregateRoot(ORDER.toString(),
                first);
        EventSourcedAggregate.initialize(order, AnnotatedAggregateMetaModelFactory.inspectAggregate(
                SupervisoryOrder.class), (EventBus) null, NoSnapshotTriggerDefinition.TRIGGER).initializeState(events);
        return order;
    }

    private static Map<String, Object> answers(SupervisoryOrder order) {
        Map<String, Object> answers = new HashMap<>();
        order.snapshot().appliedKeys().forEach(key -> answers.put(key.key(),
                key.answer() == null ? "none" : key.answer()));
        return answers;
    }

    private GenericDomainEventEntry<byte[]> stored(String aggregateType, String payloadType, String revision) {
        return new GenericDomainEventEntry<>(aggregateType, ORDER.toString(), 9, UUID.randomUUID().toString(),
                Instant.now(), payloadType, revision, new byte[0], new byte[0]);
    }

    /** Collects the paths of the fields of the order's own classes that hold their type's default. */
    private static void defaults(String path, Object object, Set<String> atDefault, Map<Object, Boolean> seen)
            throws IllegalAccessException {
        if (seen.put(object, true) != null) {
            return;
        }
        for (Class<?> type = object.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType() == Function.class) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(object);
                String name = path.isEmpty() ? field.getName() : path + "." + field.getName();
                if (isDefault(value)) {
                    atDefault.add(name);
                } else if (ownClass(value)) {
                    defaults(name, value, atDefault, seen);
                } else if (value instanceof Map<?, ?> map && map.values().stream().anyMatch(OrderSnapshotTest::ownClass)) {
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        defaults(name + "[" + label(entry.getKey()) + "]", entry.getValue(), atDefault, seen);
                    }
                }
            }
        }
    }

    private static boolean ownClass(Object value) {
        return value != null && value.getClass().getPackage() == OrderSnapshot.class.getPackage();
    }

    private static String label(Object key) {
        return key.equals(REQUIREMENT_1) ? "REQ1" : key.equals(REQUIREMENT_2) ? "REQ2"
                : key.equals(REQUIREMENT_3) ? "REQ3" : key.equals(APPEAL_OPEN) ? "OPEN_APPEAL" : String.valueOf(key);
    }

    private static boolean isDefault(Object value) {
        return value == null || Boolean.FALSE.equals(value) || (value instanceof Integer i && i == 0)
                || (value instanceof Long l && l == 0) || (value instanceof BigDecimal d && d.signum() == 0)
                || (value instanceof Collection<?> c && c.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
    }
}
