package dk.tilsynsspor.query.notification;

import dk.tilsynsspor.core.audit.AuditMetadata;
import dk.tilsynsspor.core.contact.ContactAddressRegistered;
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
import dk.tilsynsspor.query.trail.StoredText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells the people an event concerns (second round, part 3): the organisation's leaders of a notice, a rejection, a
 * plan that needs changes, an inspector's comment, an extension decided, a missed deadline; the authority's
 * inspectors of an answered notice, a report, an extension request, a leader's comment, a missed deadline, an
 * expired skærpet tilsyn; the participants of a learning session. Each notification is keyed by the event and the
 * audience, so projecting an event again tells nobody twice. Events older than {@link #TOO_OLD_TO_TELL} when they
 * are projected (a processor catching up on a store from before notifications existed) are not announced.
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

    private final JdbcTemplate jdbc;
    private final NotificationStore store;
    private final Clock clock;

    NotificationProjection(JdbcTemplate jdbc, NotificationStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    @EventHandler
    void on(NoticeOfOrderGiven event, EventMessage<?> message) {
        remember(event.orderId(), event.authorityId(), event.organisationId(), event.reference(),
                event.responseDue(), event.requirements());
        tell(message, event.orderId(), Audience.leadersOf(event.organisationId()), "NOTICE_GIVEN",
                "Varsel om påbud " + event.reference() + " fra " + event.authorityId() + ": svar senest "
                        + event.responseDue() + ".");
    }

    @EventHandler
    void on(SupervisoryOrderImposed event, EventMessage<?> message) {
        remember(event.orderId(), event.authorityId(), event.organisationId(), event.reference(), null,
                event.requirements());
        tell(message, event.orderId(), Audience.leadersOf(event.organisationId()), "ORDER_IMPOSED",
                "Påbud " + event.reference() + " er givet af " + event.authorityId() + ".");
    }

    @EventHandler
    void on(NoticeResponded event, EventMessage<?> message) {
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.inspectorsOf(order.authorityId()), "NOTICE_ANSWERED",
                order.organisationId() + " har svaret på varslet om påbud " + order.reference() + "."));
    }

    @EventHandler
    void on(NoticeLapsed event) {
        jdbc.update("UPDATE query.notification_order SET ended = TRUE WHERE order_id = ?", event.orderId());
    }

    @EventHandler
    void on(ComplianceReportSubmitted event, EventMessage<?> message) {
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.inspectorsOf(order.authorityId()), "REPORT_SUBMITTED",
                order.organisationId() + " har afrapporteret " + requirementsOf(event.orderId(),
                        event.requirementIds()) + " i påbud " + order.reference() + "; afventer jeres afgørelse."));
    }

    @EventHandler
    void on(ComplianceAccepted event) {
        if (event.requirementIds() == null) {
            jdbc.update("UPDATE query.notification_requirement SET done = TRUE WHERE order_id = ?", event.orderId());
        } else {
            event.requirementIds().forEach(id -> done(event.orderId(), id, true));
        }
    }

    @EventHandler
    void on(ComplianceRejected event, EventMessage<?> message) {
        event.requirementIds().forEach(id -> done(event.orderId(), id, event.reasonFor(id) == null));
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
    void on(DeadlineExtensionRequested event, EventMessage<?> message) {
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.inspectorsOf(order.authorityId()), "EXTENSION_REQUESTED",
                order.organisationId() + " beder om en senere frist (" + event.proposedDeadline() + ") for "
                        + requirementsOf(event.orderId(), List.of(event.requirementId())) + " i påbud "
                        + order.reference() + "."));
    }

    @EventHandler
    void on(RequirementDeadlineExtended event, EventMessage<?> message) {
        jdbc.update("UPDATE query.notification_requirement SET deadline = ? WHERE order_id = ? AND requirement_id = ?",
                Date.valueOf(event.newDeadline()), event.orderId(), event.requirementId());
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.leadersOf(order.organisationId()), "DEADLINE_EXTENDED",
                "Fristen for " + requirementsOf(event.orderId(), List.of(event.requirementId())) + " i påbud "
                        + order.reference() + " er forlænget til " + event.newDeadline() + "."));
    }

    @EventHandler
    void on(DeadlineExtensionRefused event, EventMessage<?> message) {
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.leadersOf(order.organisationId()), "EXTENSION_REFUSED",
                "Tilsynet har afslået anmodningen om en senere frist for " + requirementsOf(event.orderId(),
                        List.of(event.requirementId())) + " i påbud " + order.reference() + ": "
                        + event.reason()));
    }

    @EventHandler
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
    void on(RequirementCommented event, EventMessage<?> message) {
        boolean byInspector = Role.INSPECTOR.name().equals(message.getMetaData().get(AuditMetadata.ACTOR_ROLE));
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                byInspector ? Audience.leadersOf(order.organisationId()) : Audience.inspectorsOf(order.authorityId()),
                "COMMENT", "Ny kommentar fra " + (byInspector ? "tilsynet" : order.organisationId()) + " til "
                        + requirementsOf(event.orderId(), List.of(event.requirementId())) + " i påbud "
                        + order.reference() + "."));
    }

    @EventHandler
    void on(RequirementDeadlineMissed event, EventMessage<?> message) {
        order(event.orderId()).ifPresent(order -> {
            String text = "Fristen " + event.deadline() + " for " + requirementsOf(event.orderId(),
                    List.of(event.requirementId())) + " i påbud " + order.reference() + " er overskredet.";
            tell(message, event.orderId(), Audience.leadersOf(order.organisationId()), "DEADLINE_MISSED", text);
            tell(message, event.orderId(), Audience.inspectorsOf(order.authorityId()), "DEADLINE_MISSED", text);
        });
    }

    @EventHandler
    void on(EscalationExpired event, EventMessage<?> message) {
        escalatedUntil(event.orderId(), null);
        order(event.orderId()).ifPresent(order -> tell(message, event.orderId(),
                Audience.inspectorsOf(order.authorityId()), "ESCALATION_EXPIRED",
                "Det skærpede tilsyn med påbud " + order.reference() + " er udløbet."));
    }

    @EventHandler
    void on(RequirementAmended event) {
        jdbc.update("""
                UPDATE query.notification_requirement SET title = ?, deadline = ?, done = FALSE
                 WHERE order_id = ? AND requirement_id = ?""", StoredText.of(event.title()),
                Date.valueOf(event.deadline()), event.orderId(), event.requirementId());
    }

    @EventHandler
    void on(RequirementAnnulled event) {
        done(event.orderId(), event.requirementId(), true);
    }

    @EventHandler
    void on(SupervisoryOrderClosed event) {
        jdbc.update("UPDATE query.notification_order SET ended = TRUE WHERE order_id = ?", event.orderId());
    }

    /** The addresses organisations and authorities register, for {@link MailDeliveries}. */
    @EventHandler
    void on(ContactAddressRegistered event) {
        jdbc.update("""
                INSERT INTO query.party_contact (party, party_id, email) VALUES (?, ?, ?)
                ON CONFLICT (party, party_id) DO UPDATE SET email = excluded.email""",
                event.party().name(), StoredText.of(event.partyId()), StoredText.of(event.email()));
    }

    /** The case's whole team is told of a learning session: who is on it now. */
    @EventHandler
    void on(LearningSessionHeld event, EventMessage<?> message) {
        List<String> team = jdbc.queryForList("""
                SELECT professional_id FROM query.notification_team WHERE case_id = ?""", String.class,
                event.caseId());
        for (String member : team.isEmpty() ? event.participantIds() : team) {
            tell(message, event.orderId(), Audience.user(member), "SESSION_HELD", "Et læringsmøde den "
                    + event.heldOn() + " er registreret på en sag, du er med i.", event.caseId());
        }
    }

    @EventHandler
    void on(ProfessionalAssignedToCase event) {
        jdbc.update("""
                INSERT INTO query.notification_team (case_id, professional_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING""", event.caseId(), StoredText.of(event.professionalId()));
    }

    @EventHandler
    void on(ProfessionalReleasedFromCase event) {
        jdbc.update("DELETE FROM query.notification_team WHERE case_id = ? AND professional_id = ?",
                event.caseId(), event.professionalId());
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
        jdbc.update("UPDATE query.notification_order SET escalated_until = ? WHERE order_id = ?",
                until == null ? null : Date.valueOf(until), orderId);
    }

    private void tell(EventMessage<?> message, UUID orderId, Audience audience, String kind, String text) {
        tell(message, orderId, audience, kind, text, null);
    }

    private void tell(EventMessage<?> message, UUID orderId, Audience audience, String kind, String text,
                      UUID caseId) {
        if (message.getTimestamp().isBefore(clock.instant().minus(TOO_OLD_TO_TELL))) {
            return;
        }
        store.tell("event:" + message.getIdentifier(), audience, kind, text, orderId, caseId,
                message.getTimestamp());
    }

    private void remember(UUID orderId, String authorityId, String organisationId, String reference,
                          LocalDate responseDue, List<Requirement> requirements) {
        jdbc.update("""
                INSERT INTO query.notification_order (order_id, authority_id, organisation_id, reference, response_due)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET reference = excluded.reference,
                    response_due = excluded.response_due""",
                orderId, StoredText.of(authorityId), StoredText.of(organisationId), StoredText.of(reference),
                responseDue == null ? null : Date.valueOf(responseDue));
        jdbc.update("DELETE FROM query.notification_requirement WHERE order_id = ?", orderId);
        for (int i = 0; i < requirements.size(); i++) {
            Requirement requirement = requirements.get(i);
            jdbc.update("""
                    INSERT INTO query.notification_requirement (order_id, requirement_id, number, title, deadline, done)
                    VALUES (?, ?, ?, ?, ?, ?)""", orderId, requirement.requirementId(), i + 1,
                    StoredText.of(requirement.title()), Date.valueOf(requirement.deadline()), responseDue != null);
        }
    }

    private void done(UUID orderId, UUID requirementId, boolean done) {
        jdbc.update("UPDATE query.notification_requirement SET done = ? WHERE order_id = ? AND requirement_id = ?",
                done, orderId, requirementId);
    }

    private Optional<Order> order(UUID orderId) {
        return jdbc.query("""
                SELECT authority_id, organisation_id, reference FROM query.notification_order WHERE order_id = ?""",
                (rs, row) -> new Order(rs.getString(1), rs.getString(2), rs.getString(3)), orderId)
                .stream().findFirst();
    }

    private static UUID[] uuids(List<UUID> ids) {
        return ids == null ? null : ids.toArray(UUID[]::new);
    }

    /** "krav 1 og 2" — by number, as the dossier numbers them; none named: every requirement. */
    private String requirementsOf(UUID orderId, List<UUID> requirementIds) {
        List<Integer> numbers = jdbc.queryForList("""
                SELECT number FROM query.notification_requirement
                 WHERE order_id = ? AND (?::uuid[] IS NULL OR requirement_id = ANY (?::uuid[])) ORDER BY number""",
                Integer.class, orderId, uuids(requirementIds), uuids(requirementIds));
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
