package dk.tilsynsspor.query.dossier;

import dk.tilsynsspor.core.order.ActionPlanReviewed;
import dk.tilsynsspor.core.order.DeadlineExtensionRefused;
import dk.tilsynsspor.core.order.DeadlineExtensionRequested;
import dk.tilsynsspor.core.order.EscalationEnded;
import dk.tilsynsspor.core.order.EscalationExpired;
import dk.tilsynsspor.core.order.EscalationExtended;
import dk.tilsynsspor.core.order.OrderPublished;
import dk.tilsynsspor.core.order.AppealDecided;
import dk.tilsynsspor.core.order.AppealRegistered;
import dk.tilsynsspor.core.order.RequirementAmended;
import dk.tilsynsspor.core.order.RequirementAnnulled;
import dk.tilsynsspor.core.order.query.Appeal;
import dk.tilsynsspor.core.order.NoticeLapsed;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.NoticeResponded;
import dk.tilsynsspor.core.order.query.Notice;
import dk.tilsynsspor.core.order.query.NoticeAnswer;
import dk.tilsynsspor.core.order.query.Escalation;
import dk.tilsynsspor.core.order.OrderUnpublished;
import dk.tilsynsspor.core.order.RequirementCommented;
import dk.tilsynsspor.core.order.query.Publication;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.core.casework.CaseEvent;
import dk.tilsynsspor.core.casework.SessionInsightRecorded;
import dk.tilsynsspor.core.casework.PracticeChangeFollowedUp;
import dk.tilsynsspor.core.casework.query.InsightView;
import dk.tilsynsspor.core.casework.query.SessionView;
import dk.tilsynsspor.core.casework.query.ThemeView;
import dk.tilsynsspor.core.order.ActionPlanSubmitted;
import dk.tilsynsspor.core.order.ComplianceAccepted;
import dk.tilsynsspor.core.order.ComplianceRejected;
import dk.tilsynsspor.core.order.ComplianceReportSubmitted;
import dk.tilsynsspor.core.order.QualityGoalDefined;
import dk.tilsynsspor.core.order.QualityImprovementVerified;
import dk.tilsynsspor.core.order.QualityMeasurementRecorded;
import dk.tilsynsspor.core.order.RequirementDeadlineExtended;
import dk.tilsynsspor.core.order.RequirementDeadlineMissed;
import dk.tilsynsspor.core.order.SupervisoryOrderAcknowledged;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.SupervisoryOrderEscalated;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.query.AuthorityDecision;
import dk.tilsynsspor.core.order.query.Closure;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.ComplianceReport;
import dk.tilsynsspor.core.order.query.DeadlineExtension;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.order.query.EvidenceDocument;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;
import dk.tilsynsspor.query.trail.TrailEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Folds one order's trail into its compliance dossier: a pure function of the events and the day it is asked on,
 * so the present dossier, the dossier as of any past instant and the dossier after a rebuild are computed alike.
 */
public final class DossierFold {

    private static final Logger log = LoggerFactory.getLogger(DossierFold.class);

    private SupervisoryOrderImposed order;
    private Instant imposedAt;
    private Instant acknowledgedAt;
    private OrderStatus status = OrderStatus.IMPOSED;
    private Escalation escalation;
    private final List<ComplianceReport> reports = new ArrayList<>();
    private Closure closure;
    private final List<AuthorityDecision> decisions = new ArrayList<>();
    private final Map<UUID, Publication> publications = new java.util.LinkedHashMap<>();
    private final Map<UUID, RequirementFold> requirements = new LinkedHashMap<>();
    private final Map<UUID, CaseFold> cases = new LinkedHashMap<>();
    private final Map<UUID, InsightView> insights = new LinkedHashMap<>();
    private int unreadable;
    private Notice notice;
    private final Map<UUID, Appeal> appeals = new LinkedHashMap<>();
    private final Map<UUID, EvidenceDocument> documents = new LinkedHashMap<>();

    public static Optional<ComplianceDossier> fold(List<TrailEntry> trail, EventReader reader, LocalDate today,
                                                   Instant asOf) {
        DossierFold fold = new DossierFold();
        for (TrailEntry entry : trail) {
            try {
                fold.apply(reader.read(entry), entry);
            } catch (RuntimeException unreadable) {
                // an event stored before input was checked must not hide the rest of the order from its inspector
                fold.unreadable++;
                log.warn("Event {} of order {} cannot be read into its dossier and is left out: {}",
                        entry.eventId(), entry.orderId(), unreadable.toString());
            }
        }
        return fold.order == null ? Optional.empty() : Optional.of(fold.build(today, asOf));
    }

    private void apply(Object event, TrailEntry entry) {
        Instant at = entry.recordedAt();
        String by = entry.actorId();
        if (event instanceof CaseEvent caseEvent) {
            cases.computeIfAbsent(caseEvent.caseId(), id -> new CaseFold()).apply(event, at);
            if (event instanceof SessionInsightRecorded e) {
                insights.put(e.insightId(), CaseFold.insight(e, at));
            } else if (event instanceof PracticeChangeFollowedUp e) {
                insights.computeIfPresent(e.insightId(), (id, insight) -> insight.followedUp(
                        CaseFold.followUp(e, at, entry.actorId())));
            }
        } else if (event instanceof NoticeOfOrderGiven e) {
            order = new SupervisoryOrderImposed(e.orderId(), e.authorityId(), e.organisationId(), e.reference(),
                    e.legalBasis(), e.issuedOn(), e.summary(), e.requirements());
            notice = new Notice(e.issuedOn(), at, by, e.responseDue(), List.copyOf(e.requirements()), List.of(), null,
                    null, null);
            status = OrderStatus.NOTICE;
            requirements.clear();
            for (int i = 0; i < e.requirements().size(); i++) {
                requirements.put(e.requirements().get(i).requirementId(),
                        new RequirementFold(e.requirements().get(i), i + 1, true));
            }
        } else if (event instanceof NoticeResponded e && notice != null) {
            notice = notice.answered(new NoticeAnswer(e.version(), e.response(), e.remedies(), at, by));
        } else if (event instanceof NoticeLapsed e && notice != null) {
            notice = notice.lapsed(at, by, e.reason());
            status = OrderStatus.LAPSED;
        } else if (event instanceof SupervisoryOrderImposed e) {
            order = e;
            imposedAt = at;
            status = OrderStatus.IMPOSED;
            requirements.clear();
            for (int i = 0; i < e.requirements().size(); i++) {
                requirements.put(e.requirements().get(i).requirementId(),
                        new RequirementFold(e.requirements().get(i), i + 1));
            }
        } else if (event instanceof SupervisoryOrderAcknowledged) {
            acknowledgedAt = at;
            status = OrderStatus.ACKNOWLEDGED;
        } else if (event instanceof ActionPlanSubmitted e) {
            requirements.get(e.requirementId()).planned(e, at, by);
        } else if (event instanceof QualityGoalDefined e) {
            requirements.get(e.requirementId()).goal(e);
        } else if (event instanceof QualityMeasurementRecorded e) {
            requirements.get(e.requirementId()).measured(e, at);
        } else if (event instanceof QualityImprovementVerified e) {
            requirements.get(e.requirementId()).verified(e, at, by);
        } else if (!applyDialogue(event, entry)) {
            applyDecisionsAndDeadlines(event, at, by);
        }
    }

    /** The dialogue of a requirement's follow-up (comments, plan reviews, extension requests); publications. */
    private boolean applyDialogue(Object event, TrailEntry entry) {
        Instant at = entry.recordedAt();
        String by = entry.actorId();
        if (event instanceof RequirementCommented e) {
            requirements.get(e.requirementId()).commented(e, at, by, role(entry.actorRole()));
        } else if (event instanceof ActionPlanReviewed e) {
            requirements.get(e.requirementId()).reviewed(e, at, by);
        } else if (event instanceof DeadlineExtensionRequested e) {
            requirements.get(e.requirementId()).extensionRequested(e, at, by);
        } else if (event instanceof DeadlineExtensionRefused e) {
            requirements.get(e.requirementId()).extensionRefused(e, at, by);
        } else if (event instanceof AppealRegistered e) {
            appeals.put(e.appealId(), new Appeal(e.appealId(), e.lodgedOn(), List.copyOf(e.requirementIds()),
                    e.late(), at, by, null, null, null, null, null));
        } else if (event instanceof AppealDecided e) {
            appeals.computeIfPresent(e.appealId(), (id, appeal) -> appeal.decided(e.outcome(), e.decidedOn(),
                    e.reason(), at, by));
        } else if (event instanceof RequirementAmended e) {
            requirements.get(e.requirementId()).amended(e, at, by);
        } else if (event instanceof RequirementAnnulled e) {
            requirements.get(e.requirementId()).annulled();
        } else if (event instanceof EvidenceDocumentAttached e) {
            documents.put(e.documentId(), EvidenceDocument.of(e, at));
        } else if (event instanceof EvidenceDocumentWithdrawn e) {
            documents.computeIfPresent(e.documentId(), (id, document) -> document.withdrawn(e, at));
        } else if (event instanceof OrderPublished e) {
            publications.put(e.publicationId(), new Publication(e.publicationId(), e.place(), e.url(), at, by, null,
                    null, null));
        } else if (event instanceof OrderUnpublished e) {
            publications.computeIfPresent(e.publicationId(), (id, publication) -> publication.withdrawn(at, by,
                    e.reason()));
        } else {
            return false;
        }
        return true;
    }

    private static Role role(String name) {
        try {
            return name == null ? null : Role.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private void applyDecisionsAndDeadlines(Object event, Instant at, String by) {
        if (event instanceof ComplianceReportSubmitted e) {
            List<UUID> covered = requirements.keySet().stream().filter(e::covers).toList();
            ComplianceReport report = new ComplianceReport(e.summary(), at, by, covered);
            reports.add(report);
            covered.forEach(id -> requirements.get(id).reportedIn(report));
            status = OrderStatus.REPORT_SUBMITTED;
        } else if (event instanceof ComplianceAccepted e) {
            List<UUID> accepted = requirements.entrySet().stream()
                    .filter(r -> r.getValue().awaitsDecision() && e.covers(r.getKey())).map(Map.Entry::getKey)
                    .toList();
            AuthorityDecision decision = new AuthorityDecision("ACCEPTED", null, accepted, at, by, null);
            decisions.add(decision);
            accepted.forEach(id -> requirements.get(id).accepted(decision));
            status = e.acceptsOrder() ? OrderStatus.ACCEPTED : statusWhileDeciding();
        } else if (event instanceof ComplianceRejected e) {
            AuthorityDecision decision = new AuthorityDecision("REJECTED", e.reason(), e.requirementIds(), at, by,
                    e.rejections());
            decisions.add(decision);
            requirements.entrySet().stream()
                    .filter(r -> e.wholeReport() ? r.getValue().awaitsDecision()
                            : e.requirementIds().contains(r.getKey()))
                    .forEach(r -> r.getValue().sentBack(decision, e.reasonFor(r.getKey())));
            status = statusWhileDeciding();
        } else if (event instanceof RequirementDeadlineExtended e) {
            requirements.get(e.requirementId()).extended(new DeadlineExtension(e.previousDeadline(),
                    e.newDeadline(), e.reason(), at, by, e.requestId()));
        } else if (event instanceof RequirementDeadlineMissed e) {
            requirements.get(e.requirementId()).missed(e.deadline());
        } else if (event instanceof SupervisoryOrderEscalated e) {
            escalation = new Escalation(e.reason(), at, by, e.until(),
                    e.requirementIds() == null ? List.of() : List.copyOf(e.requirementIds()), 0, null, null, null);
        } else if (event instanceof EscalationExtended e && escalation != null) {
            escalation = escalation.extended(e.until());
        } else if (event instanceof EscalationEnded e && escalation != null) {
            escalation = escalation.ended("ENDED", e.reason(), at);
        } else if (event instanceof EscalationExpired && escalation != null) {
            escalation = escalation.ended("EXPIRED", null, at);
        } else if (event instanceof SupervisoryOrderClosed e) {
            closure = new Closure(e.reason(), e.withdrawn(), at, by, e.outcomeOrDerived());
            status = OrderStatus.CLOSED;
        }
    }

    /** After a decision that leaves the order open: reported while a requirement still awaits a decision. */
    private OrderStatus statusWhileDeciding() {
        return requirements.values().stream().anyMatch(RequirementFold::awaitsDecision)
                ? OrderStatus.REPORT_SUBMITTED : OrderStatus.ACKNOWLEDGED;
    }

    private ComplianceDossier build(LocalDate today, Instant asOf) {
        List<SessionView> sessions = cases.values().stream().filter(CaseFold::exists)
                .flatMap(c -> c.sessions().stream()).toList();
        List<ThemeView> themes = cases.values().stream().filter(CaseFold::exists)
                .flatMap(c -> c.themes().stream()).toList();
        List<RequirementDossier> views = requirements.values().stream()
                .map(r -> r.build(today, insights, sessions, themes, documents)).toList();
        return new ComplianceDossier(order.orderId(), order.reference(), order.authorityId(), order.organisationId(),
                order.legalBasis(), order.issuedOn(), order.summary(), status,
                escalation != null && escalation.running() && closure == null,
                escalation == null ? null : escalation.reason(), imposedAt, acknowledgedAt, asOf, views,
                cases.values().stream().filter(CaseFold::exists).map(CaseFold::summary).toList(),
                reports.isEmpty() ? null : reports.get(reports.size() - 1), List.copyOf(decisions), closure,
                unreadable, List.copyOf(publications.values()), escalation, List.copyOf(reports), notice,
                order.noticeWaivedReason(), List.copyOf(appeals.values()));
    }
}
