package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.contact.ContactAddressRegistered;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.LearningSessionHeld;
import dk.tilsynsspor.core.casework.ProfessionalAssignedToCase;
import dk.tilsynsspor.core.casework.ProfessionalReleasedFromCase;
import dk.tilsynsspor.core.order.EscalationEnded;
import dk.tilsynsspor.core.order.EscalationExtended;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.order.ActionPlanReviewed;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.DeadlineExtensionRefused;
import dk.tilsynsspor.core.order.DeadlineExtensionRequested;
import dk.tilsynsspor.core.order.NoticeLapsed;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.NoticeResponded;
import dk.tilsynsspor.core.order.PlanVerdict;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.RequirementAmended;
import dk.tilsynsspor.core.order.RequirementAnnulled;
import dk.tilsynsspor.core.order.RequirementCommented;
import dk.tilsynsspor.core.order.RequirementDeadlineExtended;
import dk.tilsynsspor.core.order.RequirementDeadlineMissed;
import dk.tilsynsspor.core.order.EscalationExpired;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.query.projection.BatchedWrites;
import dk.tilsynsspor.query.trail.StoredDate;
import dk.tilsynsspor.query.trail.StoredText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dk.tilsynsspor.query.pages.PageFormats.written;

/**
 * Tells the people an event concerns (second round, part 3): the organisation's leaders of a notice, a rejection, a
 * plan that needs changes, an inspector's comment, an extension decided, a missed deadline; the authority's
 * inspectors of an answered notice, a report, an extension request, a leader's comment, a missed deadline, an
 * expired skærpet tilsyn; the participants of a learning session. Each notification is keyed by the event and the
 * audience, so projecting an event again tells nobody twice. Events older than {@link #TOO_OLD_TO_TELL} when they
 * are projected (a processor catching up on a store from before notifications existed) are not announced, nor are
 * events a rebuild replays: the notifications survive a rebuild (with who has read them), so a rebuild only keeps
 * the lookup tables below. (An event set aside as a dead letter before the rebuild, which the rebuild's reset
 * empties, is therefore not announced late by the rebuild.)
 *
 * <p>It also keeps what {@link Reminders} needs: each order's parties and each requirement's deadline and whether
 * anything is still due on it.
 */
@Component
@ProcessingGroup(NotificationProjection.GROUP)
public class NotificationProjection {

    public static final String GROUP = "notifications";
    static final Duration TOO_OLD_TO_TELL = Duration.ofDays(30);

    private record Order(String authorityId, String organisationId, String reference) {
    }

    /**
     * What one batch knows of the lookup tables its texts and audiences need: each row read once, and kept as the
     * batch's own writes change it. A rebuild's batch of a thousand events then reads the rows of the orders and
     * cases it began itself from here, not from the database, and its writes can wait for its commit.
     */
    private static final class Known {
        final Map<UUID, Optional<Order>> orders = new HashMap<>();
        /** Each order's requirements' numbers, by requirement. */
        final Map<UUID, Map<UUID, Integer>> numbers = new HashMap<>();
        /** Each case's team, where the batch has read it. */
        final Map<UUID, Set<String>> teams = new HashMap<>();
    }

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final NotificationStore store;
    private final Clock clock;
    private final String knownKey = Known.class.getName() + "@" + System.identityHashCode(this);
    private final String begunKey = Begun.class.getName() + "@" + System.identityHashCode(this);

    NotificationProjection(JdbcTemplate jdbc, NotificationStore store, Clock clock) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc);
        this.store = store;
        this.clock = clock;
    }

    @EventHandler
    void on(NoticeOfOrderGiven event, EventMessage<?> message) {
        remember(event.orderId(), event.authorityId(), event.organisationId(), event.reference(),
                event.responseDue(), event.requirements(), true);
        tell(message, event.orderId(), Audience.leadersOf(event.organisationId()), "NOTICE_GIVEN",
                "Varsel om påbud " + event.reference() + " fra " + event.authorityId() + ": svar senest "
                        + written(event.responseDue()) + ".");
    }

    @EventHandler
    void on(SupervisoryOrderImposed event, EventMessage<?> message) {
        remember(event.orderId(), event.authorityId(), event.organisationId(), event.reference(), null,
                event.requirements(), !event.onNotice());
        tell(message, event.orderId(), Audience.leadersOf(event.organisationId()), "ORDER_IMPOSED",
                "Påbud " + event.reference() + " er givet af " + event.authorityId() + ".");
    }

    @EventHandler
    @DisallowReplay
    void on(NoticeResponded event, EventMessage<?> message) {
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.inspectorsOf(order.authorityId()), "NOTICE_ANSWERED",
                order.organisationId() + " har svaret på varslet om påbud " + order.reference() + "."));
    }

    @EventHandler
    void on(NoticeLapsed event) {
        ended(event.orderId());
    }

    @EventHandler
    @DisallowReplay
    void on(ComplianceReportSubmitted event, EventMessage<?> message) {
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.inspectorsOf(order.authorityId()), "REPORT_SUBMITTED",
                order.organisationId() + " har afrapporteret " + requirementsOf(event.orderId(),
                        event.requirementIds()) + " i påbud " + order.reference() + "; afventer jeres afgørelse."));
    }

    @EventHandler
    void on(ComplianceAccepted event) {
        Begun begun = begun(event.orderId());
        if (begun != null) {
            begun.requirements.forEach((id, requirement) -> requirement.done |= event.requirementIds() == null
                    || event.requirementIds().contains(id));
            return;
        }
        // one statement for the decision's requirements (all of the order's if it names none)
        UUID[] accepted = event.requirementIds() == null ? null : event.requirementIds().toArray(UUID[]::new);
        writes.add(requirementRows(event.orderId()), """
                UPDATE query.notification_requirement SET done = TRUE
                 WHERE order_id = ? AND (?::uuid[] IS NULL OR requirement_id = ANY(?::uuid[]))""",
                event.orderId(), accepted, accepted);
    }

    @EventHandler
    void on(ComplianceRejected event, EventMessage<?> message) {
        event.requirementIds().forEach(id -> done(event.orderId(), id, event.reasonFor(id) == null));
        if (!toTell(message)) {
            return;
        }
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.leadersOf(order.organisationId()), "REPORT_REJECTED",
                "Tilsynet har sendt " + requirementsOf(event.orderId(), event.requirementIds()) + " i påbud "
                        + order.reference() + " tilbage til jer."));
    }

    @EventHandler
    void on(QualityImprovementVerified event) {
        done(event.orderId(), event.requirementId(), event.goalMet());
    }

    @EventHandler
    @DisallowReplay
    void on(DeadlineExtensionRequested event, EventMessage<?> message) {
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.inspectorsOf(order.authorityId()), "EXTENSION_REQUESTED",
                order.organisationId() + " beder om en senere frist (" + written(event.proposedDeadline())
                        + ") for " + requirementsOf(event.orderId(), List.of(event.requirementId())) + " i påbud "
                        + order.reference() + "."));
    }

    @EventHandler
    void on(RequirementDeadlineExtended event, EventMessage<?> message) {
        Begun begun = begun(event.orderId());
        if (begun != null) {
            BegunRequirement requirement = begun.requirements.get(event.requirementId());
            if (requirement != null) {
                requirement.deadline = event.newDeadline();
            }
        } else {
            writes.add(requirementRows(event.orderId()),
                    "UPDATE query.notification_requirement SET deadline = ? WHERE order_id = ? AND requirement_id = ?",
                    StoredDate.of(event.newDeadline()), event.orderId(), event.requirementId());
        }
        if (!toTell(message)) {
            return;
        }
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.leadersOf(order.organisationId()), "DEADLINE_EXTENDED",
                "Fristen for " + requirementsOf(event.orderId(), List.of(event.requirementId())) + " i påbud "
                        + order.reference() + " er forlænget til " + written(event.newDeadline()) + "."));
    }

    @EventHandler
    @DisallowReplay
    void on(DeadlineExtensionRefused event, EventMessage<?> message) {
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.leadersOf(order.organisationId()), "EXTENSION_REFUSED",
                "Tilsynet har afslået anmodningen om en senere frist for " + requirementsOf(event.orderId(),
                        List.of(event.requirementId())) + " i påbud " + order.reference() + ": "
                        + event.reason()));
    }

    @EventHandler
    @DisallowReplay
    void on(ActionPlanReviewed event, EventMessage<?> message) {
        if (event.verdict() != PlanVerdict.NEEDS_CHANGES) {
            return;
        }
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.leadersOf(order.organisationId()), "PLAN_NEEDS_CHANGES",
                "Handleplanen (version " + event.version() + ") for " + requirementsOf(event.orderId(),
                        List.of(event.requirementId())) + " i påbud " + order.reference() + " skal ændres."));
    }

    @EventHandler
    @DisallowReplay
    void on(RequirementCommented event, EventMessage<?> message) {
        boolean byInspector = Role.INSPECTOR.name().equals(message.getMetaData().get(AuditMetadata.ACTOR_ROLE));
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                byInspector ? Audience.leadersOf(order.organisationId()) : Audience.inspectorsOf(order.authorityId()),
                "COMMENT", "Ny kommentar fra " + (byInspector ? "tilsynet" : order.organisationId()) + " til "
                        + requirementsOf(event.orderId(), List.of(event.requirementId())) + " i påbud "
                        + order.reference() + "."));
    }

    @EventHandler
    @DisallowReplay
    void on(RequirementDeadlineMissed event, EventMessage<?> message) {
        order(event.orderId()).ifPresent(order -> {
            String text = "Fristen " + written(event.deadline()) + " for " + requirementsOf(event.orderId(),
                    List.of(event.requirementId())) + " i påbud " + order.reference() + " er overskredet.";
            tell(message, event.orderId(), Audience.leadersOf(order.organisationId()), "DEADLINE_MISSED", text);
            tell(message, event.orderId(), Audience.inspectorsOf(order.authorityId()), "DEADLINE_MISSED", text);
        });
    }

    @EventHandler
    void on(EscalationExpired event, EventMessage<?> message) {
        escalatedUntil(event.orderId(), null);
        if (!toTell(message)) {
            return;
        }
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.inspectorsOf(order.authorityId()), "ESCALATION_EXPIRED",
                "Det skærpede tilsyn med påbud " + order.reference() + " er udløbet."));
    }

    @EventHandler
    void on(RequirementAmended event) {
        Begun begun = begun(event.orderId());
        if (begun != null) {
            BegunRequirement requirement = begun.requirements.get(event.requirementId());
            if (requirement != null) {
                requirement.title = StoredText.of(event.title());
                requirement.deadline = event.deadline();
                requirement.done = false;
            }
            return;
        }
        writes.add(requirementRows(event.orderId()), """
                UPDATE query.notification_requirement SET title = ?, deadline = ?, done = FALSE
                 WHERE order_id = ? AND requirement_id = ?""", StoredText.of(event.title()),
                StoredDate.of(event.deadline()), event.orderId(), event.requirementId());
    }

    @EventHandler
    void on(RequirementAnnulled event) {
        done(event.orderId(), event.requirementId(), true);
    }

    @EventHandler
    void on(SupervisoryOrderClosed event) {
        ended(event.orderId());
    }

    /** The addresses organisations and authorities register, for {@link MailDeliveries}. */
    @EventHandler
    void on(ContactAddressRegistered event) {
        writes.add(BatchedWrites.row("query.party_contact", event.party() + "|" + event.partyId()), """
                INSERT INTO query.party_contact (party, party_id, email) VALUES (?, ?, ?)
                ON CONFLICT (party, party_id) DO UPDATE SET email = excluded.email""",
                event.party().name(), StoredText.of(event.partyId()), StoredText.of(event.email()));
    }

    /** The case's whole team is told of a learning session: who is on it now. */
    @EventHandler
    @DisallowReplay
    void on(LearningSessionHeld event, EventMessage<?> message) {
        Set<String> team = team(event.caseId());
        for (String member : team.isEmpty() ? event.participantIds() : team) {
            tell(message, event.orderId(), Audience.user(member), "SESSION_HELD", "Et læringsmøde den "
                    + written(event.heldOn()) + " er registreret på en sag, du er med i.", event.caseId());
        }
    }

    /**
     * A case's team starts empty with the case: a batch that opens a case knows its whole team from the batch's own
     * assignments, and does not read it from the database (a rebuild opens a case every few dozen events).
     */
    @EventHandler
    void on(CitizenCaseOpened event) {
        known().teams.putIfAbsent(event.caseId(), new LinkedHashSet<>());
    }

    @EventHandler
    void on(ProfessionalAssignedToCase event) {
        String member = StoredText.of(event.professionalId());
        writes.add(teamRows(event.caseId()), """
                INSERT INTO query.notification_team (case_id, professional_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING""", event.caseId(), member);
        Set<String> team = known().teams.get(event.caseId());
        if (team != null) {
            team.add(member);
        }
    }

    @EventHandler
    void on(ProfessionalReleasedFromCase event) {
        String member = StoredText.of(event.professionalId()); // as the assignment stored it
        writes.add(teamRows(event.caseId()),
                "DELETE FROM query.notification_team WHERE case_id = ? AND professional_id = ?",
                event.caseId(), member);
        Set<String> team = known().teams.get(event.caseId());
        if (team != null) {
            team.remove(member);
        }
    }

    /** Skærpet tilsyn's end, for the reminder to the authority when it is near. */
    @EventHandler
    void on(SupervisoryOrderEscalated event) {
        escalatedUntil(event.orderId(), event.until());
    }

    @EventHandler
    void on(EscalationExtended event) {
        escalatedUntil(event.orderId(), event.until());
    }

    @EventHandler
    void on(EscalationEnded event) {
        escalatedUntil(event.orderId(), null);
    }

    private void escalatedUntil(UUID orderId, LocalDate until) {
        Begun begun = begun(orderId);
        if (begun != null) {
            begun.escalationChanged = true;
            begun.escalatedUntil = until;
            return;
        }
        writes.add(orderRow(orderId), "UPDATE query.notification_order SET escalated_until = ? WHERE order_id = ?",
                StoredDate.of(until), orderId);
    }

    private void tell(EventMessage<?> message, UUID orderId, Audience audience, String kind, String text) {
        tell(message, orderId, audience, kind, text, null);
    }

    private void tell(EventMessage<?> message, UUID orderId, Audience audience, String kind, String text,
                      UUID caseId) {
        if (!toTell(message)) {
            return;
        }
        store.tell(writes, "event:" + message.getIdentifier(), audience, kind, text, orderId, caseId,
                message.getTimestamp());
    }

    /**
     * Whether anyone is told of the event: not of one the projection has handled before, replayed in a rebuild
     * (notifications survive a rebuild, keyed by their event; telling again would only find them), nor of one too old
     * to be news. A handler that only tells is not called for a replayed event at all ({@link DisallowReplay}), so
     * a rebuild does not even read it; one that also keeps a lookup table and reads the order to build its text
     * asks this before it reads; {@link #tell} asks it in any case.
     */
    private boolean toTell(EventMessage<?> message) {
        return !ReplayToken.isReplay(message)
                && !message.getTimestamp().isBefore(clock.instant().minus(TOO_OLD_TO_TELL));
    }

    /**
     * The order's parties, reference and requirements, as the notice or the imposition gives them (an imposition on
     * a notice names the notice's parties, and replaces its requirements). {@code first}: the order's first event (a
     * notice, or an imposition without one), whose row replaces whatever a row of the same order says.
     */
    private void remember(UUID orderId, String authorityId, String organisationId, String reference,
                          LocalDate responseDue, List<Requirement> requirements, boolean first) {
        Order order = new Order(StoredText.of(authorityId), StoredText.of(organisationId), StoredText.of(reference));
        Map<UUID, Integer> numbers = new HashMap<>();
        for (int i = 0; i < requirements.size(); i++) {
            numbers.put(requirements.get(i).requirementId(), i + 1);
        }
        Known known = known();
        known.orders.put(orderId, Optional.of(order));
        known.numbers.put(orderId, numbers);
        Map<UUID, Begun> begunOrders = writes.untilSent(begunKey, LinkedHashMap::new, this::write);
        Begun begun = new Begun(orderId, order, responseDue, first,
                begunOrders == null ? null : begunOrders.get(orderId));
        for (int i = 0; i < requirements.size(); i++) {
            Requirement requirement = requirements.get(i);
            begun.requirements.put(requirement.requirementId(), new BegunRequirement(i + 1,
                    StoredText.of(requirement.title()), requirement.deadline(), responseDue != null));
        }
        if (begunOrders != null) { // the order's rows are written once, as the batch leaves them
            begunOrders.put(orderId, begun);
        } else {
            write(begun);
        }
    }

    /**
     * The order's row (inserted, or its parties, answer date and whether it ended replaced; parameters: the id, the
     * parties, the reference, the answer date, whether it ended). Every parameter is in the VALUES, so that the
     * driver folds a batch of them into one statement of many rows (a parameter after the VALUES, as when one
     * statement said whether to change the escalation, kept each order's upsert a statement of its own: some forty
     * per rebuild batch). Whether it ended is replaced, not added to: the row an imposition on a notice finds is
     * that of a notice that has not lapsed (a lapsed notice is final), and the row a rebuild finds (it keeps these
     * tables) may say anything.
     */
    private static final String ORDER_UPSERT = """
            INSERT INTO query.notification_order (order_id, authority_id, organisation_id, reference, response_due,
                                                  ended)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE SET authority_id = excluded.authority_id,
                organisation_id = excluded.organisation_id, reference = excluded.reference,
                response_due = excluded.response_due, ended = excluded.ended""";
    /**
     * {@link #ORDER_UPSERT} that also sets the escalation's end (parameters: the same, then the end or null): where
     * the batch changed it, and for the order's first event (a rebuild's row may name an escalation from before).
     */
    private static final String ORDER_UPSERT_ESCALATION = """
            INSERT INTO query.notification_order (order_id, authority_id, organisation_id, reference, response_due,
                                                  ended, escalated_until)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE SET authority_id = excluded.authority_id,
                organisation_id = excluded.organisation_id, reference = excluded.reference,
                response_due = excluded.response_due, ended = excluded.ended,
                escalated_until = excluded.escalated_until""";
    /**
     * An order's requirements' rows, one statement per order. One statement for all of a batch's orders
     * ({@code order_id = ANY (?)}) was tried and undone: on a table that autovacuum had not analyzed yet the server
     * took the list for a large share of the table and scanned all of it at every batch, planned each time or not
     * (290 million rows read in a benchmark run's fill and rebuild).
     */
    private static final String REQUIREMENTS_DELETE = "DELETE FROM query.notification_requirement WHERE order_id = ?";
    private static final String REQUIREMENT_INSERT = """
            INSERT INTO query.notification_requirement (order_id, requirement_id, number, title, deadline, done)
            VALUES (?, ?, ?, ?, ?, ?)""";

    /**
     * An order the batch began (its notice or its imposition), kept until the batch's writes are sent and then written
     * in the state the batch left it: its row and its requirements' rows, four statements or so, where each later
     * event of the order (a decision, each requirement verified, the closing) was a statement of its own. A rebuild's
     * batch of a thousand events begins and ends some forty orders. An imposition on a notice of the same batch
     * replaces the notice's parties and requirements, and keeps what the batch did to its row since.
     */
    private static final class Begun {
        final UUID orderId;
        final Order order;
        final LocalDate responseDue;
        final Map<UUID, BegunRequirement> requirements = new LinkedHashMap<>();
        /** Begun by the order's first event: nothing of the row it finds is kept. */
        final boolean first;
        boolean ended;
        boolean escalationChanged;
        LocalDate escalatedUntil;

        Begun(UUID orderId, Order order, LocalDate responseDue, boolean first, Begun before) {
            this.orderId = orderId;
            this.order = order;
            this.responseDue = responseDue;
            this.first = first || before != null && before.first;
            if (before != null) {
                ended = before.ended;
                escalationChanged = before.escalationChanged;
                escalatedUntil = before.escalatedUntil;
            }
        }
    }

    /** A requirement's row of an order the batch began. */
    private static final class BegunRequirement {
        final int number;
        String title;
        LocalDate deadline;
        boolean done;

        BegunRequirement(int number, String title, LocalDate deadline, boolean done) {
            this.number = number;
            this.title = title;
            this.deadline = deadline;
            this.done = done;
        }
    }

    /** The batch's writes of the orders it began, just before its writes are sent. */
    private void write(Map<UUID, Begun> begunOrders) {
        begunOrders.values().forEach(this::write);
    }

    /**
     * The order's row, and its requirements' rows in place of those it had (an imposition on a notice replaces the
     * notice's; a rebuild, which keeps these tables, those of the read model it replaces).
     */
    private void write(Begun begun) {
        Date responseDue = StoredDate.of(begun.responseDue);
        if (begun.escalationChanged || begun.first) {
            writes.add(orderRow(begun.orderId), ORDER_UPSERT_ESCALATION, begun.orderId, begun.order.authorityId(),
                    begun.order.organisationId(), begun.order.reference(), responseDue, begun.ended,
                    StoredDate.of(begun.escalatedUntil));
        } else {
            writes.add(orderRow(begun.orderId), ORDER_UPSERT, begun.orderId, begun.order.authorityId(),
                    begun.order.organisationId(), begun.order.reference(), responseDue, begun.ended);
        }
        writes.add(requirementRows(begun.orderId), REQUIREMENTS_DELETE, begun.orderId);
        begun.requirements.forEach((requirementId, requirement) -> writes.add(requirementRows(begun.orderId),
                REQUIREMENT_INSERT, begun.orderId, requirementId, requirement.number, requirement.title,
                StoredDate.of(requirement.deadline), requirement.done));
    }

    /** The order, if this batch began it and has not sent its writes yet; null otherwise (write at once). */
    private Begun begun(UUID orderId) {
        Map<UUID, Begun> begunOrders = writes.untilSent(begunKey, LinkedHashMap::new, this::write);
        return begunOrders == null ? null : begunOrders.get(orderId);
    }

    private void ended(UUID orderId) {
        Begun begun = begun(orderId);
        if (begun != null) {
            begun.ended = true;
            return;
        }
        writes.add(orderRow(orderId), "UPDATE query.notification_order SET ended = TRUE WHERE order_id = ?",
                orderId);
    }

    /** The row a write of an order's parties reads and changes. */
    private static BatchedWrites.Row orderRow(UUID orderId) {
        return BatchedWrites.row("query.notification_order", orderId);
    }

    /** The rows a write of an order's requirements reads and changes: that order's requirements. */
    private static BatchedWrites.Row requirementRows(UUID orderId) {
        return BatchedWrites.row("query.notification_requirement", orderId);
    }

    /** The rows a write of a case's team reads and changes. */
    private static BatchedWrites.Row teamRows(UUID caseId) {
        return BatchedWrites.row("query.notification_team", caseId);
    }

    private void done(UUID orderId, UUID requirementId, boolean done) {
        Begun begun = begun(orderId);
        if (begun != null) { // a requirement the order did not begin with has no row to mark
            BegunRequirement requirement = begun.requirements.get(requirementId);
            if (requirement != null) {
                requirement.done = done;
            }
            return;
        }
        writes.add(requirementRows(orderId),
                "UPDATE query.notification_requirement SET done = ? WHERE order_id = ? AND requirement_id = ?",
                done, orderId, requirementId);
    }

    private Optional<Order> order(UUID orderId) {
        return known().orders.computeIfAbsent(orderId, id -> {
            writes.flush(); // the batch's earlier writes, for the read to see them
            return jdbc.query("""
                    SELECT authority_id, organisation_id, reference FROM query.notification_order WHERE order_id = ?""",
                    (rs, row) -> new Order(rs.getString(1), rs.getString(2), rs.getString(3)), id)
                    .stream().findFirst();
        });
    }

    private Set<String> team(UUID caseId) {
        return known().teams.computeIfAbsent(caseId, id -> {
            writes.flush();
            return new LinkedHashSet<>(jdbc.queryForList("""
                    SELECT professional_id FROM query.notification_team WHERE case_id = ?""", String.class, id));
        });
    }

    /**
     * What this batch knows; nothing is kept outside a batch, nor in a batch that goes carefully (a write that fails
     * there is rolled back alone, and what it would have changed must not be believed).
     */
    private Known known() {
        if (!CurrentUnitOfWork.isStarted() || writes.careful()) {
            return new Known();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(knownKey, key -> new Known());
    }

    /** "krav 1 og 2" — by number, as the dossier numbers them; none named: every requirement. */
    private String requirementsOf(UUID orderId, List<UUID> requirementIds) {
        Map<UUID, Integer> byRequirement = known().numbers.computeIfAbsent(orderId, id -> {
            writes.flush();
            Map<UUID, Integer> read = new HashMap<>();
            jdbc.query("SELECT requirement_id, number FROM query.notification_requirement WHERE order_id = ?",
                    rs -> {
                        read.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    }, id);
            return read;
        });
        List<Integer> numbers = (requirementIds == null ? byRequirement.values().stream()
                : requirementIds.stream().distinct().map(byRequirement::get).filter(Objects::nonNull))
                .sorted().toList();
        if (numbers.isEmpty()) {
            return "kravene";
        }
        if (numbers.size() == 1) {
            return "krav " + numbers.get(0);
        }
        List<String> named = numbers.stream().map(String::valueOf).toList();
        return "krav " + String.join(", ", named.subList(0, named.size() - 1)) + " og " + named.get(named.size() - 1);
    }
}
