package dk.tilsynsspor.query.dossier;

import dk.tilsynsspor.core.casework.CitizenCaseClosed;
import dk.tilsynsspor.core.casework.CaseLinkedToRequirements;
import dk.tilsynsspor.core.casework.CaseUnlinkedFromRequirements;
import dk.tilsynsspor.core.casework.CitizenCaseOpened;
import dk.tilsynsspor.core.casework.DevelopmentThemeChosen;
import dk.tilsynsspor.core.casework.LearningSessionHeld;
import dk.tilsynsspor.core.casework.ProfessionalAssignedToCase;
import dk.tilsynsspor.core.casework.ProfessionalReleasedFromCase;
import dk.tilsynsspor.core.casework.SessionInsightRecorded;
import dk.tilsynsspor.core.casework.PracticeChangeFollowedUp;
import dk.tilsynsspor.core.casework.CitizenProgressAssessed;
import dk.tilsynsspor.core.casework.query.ProgressAssessment;
import dk.tilsynsspor.core.casework.query.PracticeFollowUp;
import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.casework.query.InsightView;
import dk.tilsynsspor.core.casework.query.SessionView;
import dk.tilsynsspor.core.casework.query.TeamMember;
import dk.tilsynsspor.core.casework.query.ThemeView;
import dk.tilsynsspor.core.order.query.CaseSummary;
import dk.tilsynsspor.query.trail.TrailEntry;
import dk.tilsynsspor.query.trail.TrailRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import dk.tilsynsspor.core.order.EvidenceDocumentAttached;
import dk.tilsynsspor.core.order.EvidenceDocumentWithdrawn;
import dk.tilsynsspor.core.order.query.EvidenceDocument;

/** One citizen case as its events tell it: team, themes, sessions and their insights. */
public final class CaseFold {

    private static final Logger log = LoggerFactory.getLogger(CaseFold.class);

    private CitizenCaseOpened opened;
    /** The order the case serves now (null: none) and which of its requirements. */
    private UUID orderId;
    private final List<UUID> requirementIds = new ArrayList<>();
    private boolean closed;
    private final Map<String, TeamMember> team = new LinkedHashMap<>();
    private final List<ThemeView> themes = new ArrayList<>();
    private final Map<UUID, LearningSessionHeld> sessions = new LinkedHashMap<>();
    private final Map<UUID, List<InsightView>> insightsBySession = new LinkedHashMap<>();
    private final List<ProgressAssessment> assessments = new ArrayList<>();
    private final Map<UUID, EvidenceDocument> documents = new LinkedHashMap<>();

    /** One case's view from its events, if it was opened. */
    public static Optional<CaseView> fold(List<TrailEntry> trail, EventReader reader) {
        CaseFold fold = new CaseFold();
        for (TrailEntry entry : trail) {
            try {
                fold.apply(reader.read(entry), entry.recordedAt());
            } catch (RuntimeException unreadable) {
                // an event stored before input was checked must not hide the rest of the case
                log.warn("Event {} of case {} cannot be read into its view and is left out: {}", entry.eventId(),
                        entry.aggregateId(), unreadable.toString());
            }
        }
        return fold.exists() ? Optional.of(fold.view()) : Optional.empty();
    }

    /** The organisation's open cases that serve no order now, each folded from its whole trail. */
    public static List<CaseView> withoutAnOrder(TrailRepository trails, EventReader reader, String organisationId) {
        return trails.casesThatMayServeNoOrder(organisationId).stream()
                .map(caseId -> fold(trails.caseTrail(caseId), reader))
                .flatMap(Optional::stream)
                .filter(view -> view.orderId() == null && !view.closed()
                        && view.organisationId().equals(organisationId))
                .toList();
    }

    /** Applies a case event; false if it is none of a case's. */
    boolean apply(Object event, Instant recordedAt) {
        if (event instanceof CitizenCaseOpened e) {
            opened = e;
            orderId = e.orderId();
            requirementIds.addAll(e.requirementIds());
        } else if (event instanceof CaseLinkedToRequirements e) {
            orderId = e.orderId();
            e.requirementIds().stream().filter(id -> !requirementIds.contains(id)).forEach(requirementIds::add);
        } else if (event instanceof CaseUnlinkedFromRequirements e) {
            requirementIds.removeAll(e.requirementIds());
            if (requirementIds.isEmpty()) {
                orderId = null;
            }
        } else if (event instanceof ProfessionalAssignedToCase e) {
            team.put(e.professionalId(), new TeamMember(e.professionalId(), e.name(), e.discipline(), e.sector(),
                    e.role(), recordedAt, e.homeOrganisationOr(opened == null ? null : opened.organisationId())));
        } else if (event instanceof ProfessionalReleasedFromCase e) {
            team.remove(e.professionalId());
        } else if (event instanceof DevelopmentThemeChosen e) {
            themes.add(new ThemeView(e.themeId(), e.caseId(), e.professionalId(), e.theme(), e.requirementId(),
                    recordedAt));
        } else if (event instanceof LearningSessionHeld e) {
            sessions.put(e.sessionId(), e);
            insightsBySession.put(e.sessionId(), new ArrayList<>());
        } else if (event instanceof SessionInsightRecorded e) {
            insightsBySession.computeIfAbsent(e.sessionId(), id -> new ArrayList<>()).add(insight(e, recordedAt));
        } else if (event instanceof PracticeChangeFollowedUp e) {
            insightsBySession.computeIfPresent(e.sessionId(), (id, insights) -> insights.stream()
                    .map(i -> i.insightId().equals(e.insightId()) ? i.followedUp(followUp(e, recordedAt, null)) : i)
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        } else if (event instanceof CitizenProgressAssessed e) {
            assessments.add(new ProgressAssessment(e.assessmentId(), e.assessedOn(), e.scoreList(), e.note(),
                    e.assessedBy(), recordedAt));
        } else if (event instanceof EvidenceDocumentAttached e) {
            documents.put(e.documentId(), EvidenceDocument.of(e, recordedAt));
        } else if (event instanceof EvidenceDocumentWithdrawn e) {
            documents.computeIfPresent(e.documentId(), (id, document) -> document.withdrawn(e, recordedAt));
        } else if (event instanceof CitizenCaseClosed) {
            closed = true;
        } else {
            return false;
        }
        return true;
    }

    static InsightView insight(SessionInsightRecorded e, Instant recordedAt) {
        return new InsightView(e.insightId(), e.caseId(), e.sessionId(), e.professionalId(), e.requirementId(),
                e.insight(), e.practiceChange(), recordedAt, null);
    }

    static PracticeFollowUp followUp(PracticeChangeFollowedUp e, Instant at, String by) {
        return new PracticeFollowUp(e.adopted(), e.adoptedOn(), e.note(), at, by == null ? e.professionalId() : by);
    }

    boolean exists() {
        return opened != null;
    }

    List<SessionView> sessions() {
        return sessions.values().stream().map(s -> new SessionView(s.sessionId(), s.caseId(), s.heldOn(),
                s.facilitator(), s.participantIds(), s.requirementIds(),
                List.copyOf(insightsBySession.getOrDefault(s.sessionId(), List.of())))).toList();
    }

    List<TeamMember> team() {
        return List.copyOf(team.values());
    }

    List<ThemeView> themes() {
        return List.copyOf(themes);
    }

    CaseSummary summary() {
        return new CaseSummary(opened.caseId(), opened.citizenRef(), List.copyOf(requirementIds), team(), closed);
    }

    CaseView view() {
        return new CaseView(opened.caseId(), orderId, opened.organisationId(), opened.citizenRef(),
                List.copyOf(requirementIds), closed, team(), themes(), sessions(),
                assessments.stream().sorted(java.util.Comparator.comparing(ProgressAssessment::assessedOn)).toList(),
                List.copyOf(documents.values()));
    }
}
