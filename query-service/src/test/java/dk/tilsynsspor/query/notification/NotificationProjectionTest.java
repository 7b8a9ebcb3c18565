package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.LearningSessionHeld;
import dk.tilsynsspor.core.casework.ProfessionalAssignedToCase;
import dk.tilsynsspor.core.casework.ProfessionalReleasedFromCase;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.QualityTheme;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.RequirementCommented;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.invocation.Invocation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * A batch's writes wait for its commit, and what its texts and audiences need of the lookup tables is read at most
 * once per batch, after the batch's earlier writes are sent, or not at all when the batch wrote it itself.
 */
class NotificationProjectionTest {

    private static final String INSERT_NOTIFICATION = "INSERT INTO query.notification ";

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final MailDeliveries mail = mock(MailDeliveries.class);
    private final NotificationProjection projection = new NotificationProjection(jdbc,
            new NotificationStore(jdbc, mail), Clock.system(ZoneOffset.UTC));
    private final UUID orderId = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID caseId = UUID.randomUUID();

    @BeforeEach
    void noMail() {
        when(mail.enabled()).thenReturn(false);
    }

    @Test
    void aBatchTellsOfAnOrderItBeganFromWhatItWroteNotFromTheDatabaseAndWritesAtItsCommit() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        NoticeOfOrderGiven notice = new NoticeOfOrderGiven(orderId, "tilsyn-a", "org-b", "REF-1", "lov",
                LocalDate.now(), "resumé", List.of(requirement(first), requirement(second)),
                LocalDate.of(2027, 1, 6));
        projection.on(notice, GenericEventMessage.asEventMessage(notice));
        RequirementCommented comment = new RequirementCommented(orderId, second, UUID.randomUUID(), "tekst");
        projection.on(comment, byRole(comment, Role.LEADER));
        verifyNoInteractions(jdbc);

        batch.commit();

        assertThat(reads()).isEmpty();
        assertThat(toldInOneBatch()).extracting(row -> row[6]).containsExactly(
                "Varsel om påbud REF-1 fra tilsyn-a: svar senest 6. januar 2027.",
                "Ny kommentar fra org-b til krav 2 i påbud REF-1.");
        verify(jdbc).batchUpdate(contains("INSERT INTO query.notification_requirement"), anyList());
    }

    /**
     * Through Axon's own handler adapter, as a processor calls it: a replayed notice still writes the order's
     * requirements, but neither it nor a replayed comment tells anyone (nor reads what a text would need); the same
     * events handled live do.
     */
    @Test
    void aRebuildKeepsTheLookupTablesButTellsNobodyOfWhatItReplays() throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        NoticeOfOrderGiven notice = new NoticeOfOrderGiven(orderId, "tilsyn-a", "org-b", "REF-1", "lov",
                LocalDate.now(), "resumé", List.of(requirement(first), requirement(second)), LocalDate.of(2027, 1, 6));
        RequirementCommented comment = new RequirementCommented(orderId, first, UUID.randomUUID(), "tekst");
        TrackingToken reset = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), null);

        DefaultUnitOfWork<?> replayed = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        handlers.handle(tracked(GenericEventMessage.asEventMessage(notice), reset, 1));
        handlers.handle(tracked(byRole(comment, Role.LEADER), reset, 2));
        replayed.commit();

        verify(jdbc).batchUpdate(contains("INSERT INTO query.notification_requirement"), anyList());
        verify(jdbc, times(0)).batchUpdate(startsWith(INSERT_NOTIFICATION), anyList());
        verify(jdbc, times(0)).update(startsWith(INSERT_NOTIFICATION), any(Object[].class));
        assertThat(reads()).isEmpty();

        DefaultUnitOfWork<?> live = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        handlers.handle(tracked(GenericEventMessage.asEventMessage(notice), null, 101));
        handlers.handle(tracked(byRole(comment, Role.LEADER), null, 102));
        live.commit();

        assertThat(toldInOneBatch()).extracting(row -> row[6]).containsExactly(
                "Varsel om påbud REF-1 fra tilsyn-a: svar senest 6. januar 2027.",
                "Ny kommentar fra org-b til krav 1 i påbud REF-1.");
    }

    @Test
    void anOrderTheBatchDidNotBeginIsReadOnceAndAfterTheBatchsEarlierWritesAreSent() throws Exception {
        answerOrder("tilsyn-a", "org-b", "REF-2");
        answerNumbers(Map.of(first, 1, second, 2));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        ProfessionalAssignedToCase assigned = assigned("p1");
        projection.on(assigned);
        RequirementCommented one = new RequirementCommented(orderId, first, UUID.randomUUID(), "a");
        RequirementCommented two = new RequirementCommented(orderId, second, UUID.randomUUID(), "b");
        projection.on(one, byRole(one, Role.INSPECTOR));
        projection.on(two, byRole(two, Role.INSPECTOR));
        batch.commit();

        InOrder order = inOrder(jdbc);
        order.verify(jdbc).update(contains("INSERT INTO query.notification_team"), eq(caseId), eq("p1"));
        order.verify(jdbc).query(contains("FROM query.notification_order"), any(RowMapper.class), eq(orderId));
        verify(jdbc, times(1)).query(contains("FROM query.notification_requirement"), any(RowCallbackHandler.class),
                eq(orderId));
        assertThat(toldInOneBatch()).extracting(row -> row[6]).containsExactly(
                "Ny kommentar fra tilsynet til krav 1 i påbud REF-2.",
                "Ny kommentar fra tilsynet til krav 2 i påbud REF-2.");
    }

    @Test
    void aSessionReachesTheTeamAsTheBatchsOwnAssignmentsAndReleasesLeftIt() throws Exception {
        when(jdbc.queryForList(contains("FROM query.notification_team"), eq(String.class), eq(caseId)))
                .thenReturn(List.of("p1"));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        LearningSessionHeld first = session();
        projection.on(first, GenericEventMessage.asEventMessage(first));
        projection.on(assigned("p2"));
        projection.on(new ProfessionalReleasedFromCase(caseId, orderId, "p1"));
        LearningSessionHeld second = session();
        projection.on(second, GenericEventMessage.asEventMessage(second));
        batch.commit();

        verify(jdbc, times(1)).queryForList(contains("FROM query.notification_team"), eq(String.class), eq(caseId));
        assertThat(toldInOneBatch()).extracting(row -> row[4]).containsExactly("p1", "p2");
    }

    /** An id stored with its NUL replaced (an event from before input was bounded) is released as it was stored. */
    @Test
    void aReleaseTakesAwayTheMemberAsTheirAssignmentStoredThem() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        projection.on(new CitizenCaseOpened(caseId, orderId, "org-b", "sealed", List.of(first)));
        projection.on(assigned("p1"));
        projection.on(assigned("p2"));
        projection.on(assigned("p\0x"));
        projection.on(new ProfessionalReleasedFromCase(caseId, orderId, "p\0x"));
        LearningSessionHeld session = session();
        projection.on(session, GenericEventMessage.asEventMessage(session));

        batch.commit();

        verify(jdbc).update(startsWith("DELETE FROM query.notification_team"), eq(caseId), eq("p\uFFFDx"));
        assertThat(toldInOneBatch()).extracting(row -> row[4]).containsExactly("p1", "p2");
    }

    @Test
    void aBatchThatOpensACaseKnowsItsTeamFromItsOwnAssignmentsWithoutReadingIt() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        projection.on(new CitizenCaseOpened(caseId, orderId, "org-b", "sealed", List.of(first)));
        projection.on(assigned("p1"));
        projection.on(assigned("p2"));
        LearningSessionHeld session = session();
        projection.on(session, GenericEventMessage.asEventMessage(session));
        verifyNoInteractions(jdbc); // nothing read, nothing sent before the commit

        batch.commit();

        assertThat(reads()).isEmpty();
        assertThat(toldInOneBatch()).extracting(row -> row[4]).containsExactly("p1", "p2");
    }

    @Test
    void withMailEachNotificationIsWrittenAtOnceAfterTheBatchsEarlierWritesToLearnWhetherItIsNew() {
        when(mail.enabled()).thenReturn(true);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        projection.on(assigned("p1"));
        LearningSessionHeld session = session();
        when(jdbc.queryForList(contains("FROM query.notification_team"), eq(String.class), eq(caseId)))
                .thenReturn(List.of("p1"));
        UUID created = UUID.randomUUID();
        when(jdbc.queryForList(startsWith(INSERT_NOTIFICATION), eq(UUID.class), any(Object[].class)))
                .thenReturn(List.of(created));
        projection.on(session, GenericEventMessage.asEventMessage(session));

        InOrder order = inOrder(jdbc, mail);
        order.verify(jdbc).update(contains("INSERT INTO query.notification_team"), eq(caseId), eq("p1"));
        order.verify(jdbc).queryForList(argThat((String sql) -> sql.startsWith(INSERT_NOTIFICATION)
                && sql.contains("RETURNING")), eq(UUID.class), any(Object[].class));
        order.verify(mail).queue(eq(created), eq(Audience.user("p1")), any());
        batch.commit();
    }

    private List<String> reads() {
        List<String> reads = new ArrayList<>();
        for (Invocation invocation : mockingDetails(jdbc).getInvocations()) {
            if (invocation.getMethod().getName().startsWith("query")) {
                reads.add(invocation.getArgument(0));
            }
        }
        return reads;
    }

    @SuppressWarnings("unchecked")
    private void answerOrder(String authority, String organisation, String reference) throws Exception {
        ResultSet row = mock(ResultSet.class);
        when(row.getString(1)).thenReturn(authority);
        when(row.getString(2)).thenReturn(organisation);
        when(row.getString(3)).thenReturn(reference);
        when(jdbc.query(contains("FROM query.notification_order"), any(RowMapper.class), eq(orderId)))
                .thenAnswer(call -> List.of(((RowMapper<Object>) call.getArgument(1)).mapRow(row, 0)));
    }

    private void answerNumbers(Map<UUID, Integer> numbers) {
        doAnswer(call -> {
            RowCallbackHandler handler = call.getArgument(1);
            for (Map.Entry<UUID, Integer> number : numbers.entrySet()) {
                ResultSet row = mock(ResultSet.class);
                when(row.getObject(1, UUID.class)).thenReturn(number.getKey());
                when(row.getInt(2)).thenReturn(number.getValue());
                handler.processRow(row);
            }
            return null;
        }).when(jdbc).query(contains("FROM query.notification_requirement"), any(RowCallbackHandler.class),
                eq(orderId));
    }

    /** The rows of the notifications the batch sent together, as one JDBC batch. */
    private List<Object[]> toldInOneBatch() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Object[]>> told = ArgumentCaptor.forClass(List.class);
        verify(jdbc).batchUpdate(startsWith(INSERT_NOTIFICATION), told.capture());
        return told.getValue();
    }

    private ProfessionalAssignedToCase assigned(String professionalId) {
        return new ProfessionalAssignedToCase(caseId, orderId, professionalId, "Navn", "pædagog", "SOCIAL", null,
                "org-b");
    }

    private LearningSessionHeld session() {
        return new LearningSessionHeld(caseId, orderId, UUID.randomUUID(), LocalDate.now(), "p1", List.of("p9"),
                List.of());
    }

    /** The event as a processor hands it over: at {@code index}, within a replay when {@code replay} is given. */
    private static TrackedEventMessage<?> tracked(EventMessage<?> event, TrackingToken replay, long index) {
        TrackingToken at = new GlobalSequenceTrackingToken(index);
        return new GenericTrackedEventMessage<>(replay == null ? at : ((ReplayToken) replay).advancedTo(at), event);
    }

    private static EventMessage<?> byRole(Object event, Role role) {
        return GenericEventMessage.asEventMessage(event)
                .andMetaData(MetaData.with(AuditMetadata.ACTOR_ROLE, role.name()));
    }

    private static Requirement requirement(UUID id) {
        return new Requirement(id, "Krav", "Ændring", QualityTheme.values()[0], LocalDate.now().plusDays(60));
    }
}
