package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.core.casework.query.InsightView;
import dk.tilsynsspor.core.casework.query.SessionView;
import dk.tilsynsspor.core.casework.query.TeamMember;
import dk.tilsynsspor.core.order.PlanVerdict;
import dk.tilsynsspor.core.order.query.ActionPlanVersion;
import dk.tilsynsspor.core.order.query.AwaitingOrganisation;
import dk.tilsynsspor.core.order.query.AwaitingOrganisation.Kind;
import dk.tilsynsspor.core.order.query.CaseSummary;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.GetOrganisationOverview;
import dk.tilsynsspor.core.order.query.OrderSummary;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.OrganisationOverview;
import dk.tilsynsspor.core.order.query.Participation;
import dk.tilsynsspor.core.order.query.ParticipationElsewhere;
import dk.tilsynsspor.core.order.query.RequirementAlert;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.order.query.RequirementStatus;
import dk.tilsynsspor.core.order.query.CaseTeam;
import dk.tilsynsspor.query.dossier.DossierFold;
import dk.tilsynsspor.query.dossier.EventReader;
import dk.tilsynsspor.query.trail.TrailRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.time.temporal.ChronoUnit;
import dk.tilsynsspor.core.casework.DimensionScore;
import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.casework.query.ProgressAssessment;
import dk.tilsynsspor.core.order.query.DimensionProgress;
import dk.tilsynsspor.core.order.query.SessionCadence;
import dk.tilsynsspor.query.dossier.CaseFold;
import dk.tilsynsspor.query.trail.TrailEntry;

/**
 * The leader's overview, folded from the dossiers of the organisation's open orders: what is overdue, what falls
 * due within {@value OverviewReads#DUE_SOON_DAYS} days, and each professional's part in sessions and insights; the
 * teams, the session cadence and the progression over every open case of the organisation (those serving its open
 * orders, those serving none, and those that go on after their order was closed); and what waits for the
 * organisation itself in its open orders.
 */
@Component
class OverviewQueries {

    /**
     * Requirements where nothing waits for the organisation: a notice's draft, one the authority decided (accepted,
     * annulled), one reported and awaiting its decision.
     */
    private static final Set<RequirementStatus> NOT_THE_ORGANISATIONS_TURN = Set.of(RequirementStatus.NOTICE,
            RequirementStatus.REPORTED, RequirementStatus.ACCEPTED, RequirementStatus.ANNULLED);

    private final TrailRepository trails;
    private final EventReader reader;
    private final Clock clock;

    OverviewQueries(TrailRepository trails, EventReader reader, Clock clock) {
        this.trails = trails;
        this.reader = reader;
        this.clock = clock;
    }

    @QueryHandler
    OrganisationOverview handle(GetOrganisationOverview query) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, List<TrailEntry>> orderTrails = trails.openOrderTrails(query.organisationId());
        List<ComplianceDossier> dossiers = orderTrails.values().stream()
                .flatMap(trail -> DossierFold.fold(trail, reader, today, null).stream()).toList();
        List<CaseView> cases = new ArrayList<>(caseViews(orderTrails));
        // ongoing development: the open cases serving no open order (none at all, or one since closed) count in the
        // cadence and progression too, each folded whole from its own trail
        Set<UUID> ongoing = new LinkedHashSet<>(trails.casesThatMayServeNoOrder(query.organisationId()));
        ongoing.addAll(trails.openCasesOfClosedOrders(query.organisationId()));
        for (UUID caseId : ongoing) {
            CaseFold.fold(trails.caseTrail(caseId), reader)
                    .filter(view -> servesNoOpenOrder(view, query.organisationId(), orderTrails.keySet()))
                    .ifPresent(view -> {
                        cases.removeIf(known -> known.caseId().equals(view.caseId()));
                        cases.add(view);
                    });
        }
        List<RequirementAlert> overdue = new ArrayList<>();
        List<RequirementAlert> dueSoon = new ArrayList<>();
        List<CaseTeam> teams = new ArrayList<>();
        Map<String, int[]> participation = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ComplianceDossier dossier : dossiers) {
            for (RequirementDossier requirement : dossier.requirements()) {
                RequirementAlert alert = new RequirementAlert(dossier.orderId(), dossier.reference(),
                        requirement.requirementId(), requirement.title(), requirement.deadline(),
                        requirement.daysLeft(), requirement.status());
                if (requirement.status() == RequirementStatus.OVERDUE) {
                    overdue.add(alert);
                } else if (OverviewReads.dueSoon(requirement.status(), requirement.daysLeft())) {
                    dueSoon.add(alert);
                }
            }
            for (CaseSummary summary : dossier.cases()) {
                teams.add(new CaseTeam(summary.caseId(), dossier.orderId(), summary.citizenRef(), summary.team()));
                summary.team().forEach(member -> names.put(member.professionalId(), member.name()));
            }
            countParticipation(dossier, participation);
        }
        // the open cases serving no open order have teams too: the same cases as the cadence, with no order named
        Set<UUID> listed = new HashSet<>();
        teams.forEach(team -> listed.add(team.caseId()));
        cases.stream().filter(view -> listed.add(view.caseId()))
                .forEach(view -> teams.add(new CaseTeam(view.caseId(), null, view.citizenRef(), view.team())));
        overdue.sort(Comparator.comparing(RequirementAlert::deadline));
        dueSoon.sort(Comparator.comparing(RequirementAlert::deadline));
        List<OrderSummary> open = dossiers.stream().map(d -> new OrderSummary(d.orderId(), d.reference(),
                d.authorityId(), d.organisationId(), d.issuedOn(), d.status(), d.escalated(), d.imposedAt())).toList();
        List<Participation> professionals = participation.entrySet().stream()
                .map(e -> new Participation(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0],
                        e.getValue()[1]))
                .sorted(Comparator.comparing(Participation::professionalId)).toList();
        List<CaseView> elsewhere = trails.casesWithProfessionalsFrom(query.organisationId()).stream()
                .map(caseId -> CaseFold.fold(trails.caseTrail(caseId), reader)).flatMap(Optional::stream).toList();
        List<AwaitingOrganisation> awaiting = dossiers.stream().flatMap(dossier -> awaiting(dossier, today).stream())
                .sorted(Comparator.comparing(AwaitingOrganisation::since)).toList();
        return new OrganisationOverview(query.organisationId(), today, open, overdue, dueSoon, teams, professionals,
                cadence(cases, today), progression(cases), participationElsewhere(query.organisationId(), elsewhere),
                awaiting);
    }

    /**
     * What waits for the organisation on one open order: the notice's answer while it may still be given; the
     * acknowledgement of an imposed order; and per requirement where it is the organisation's turn, a verified one to
     * report, else one sent back to work, and a latest action plan the authority asked to change.
     */
    static List<AwaitingOrganisation> awaiting(ComplianceDossier dossier, LocalDate today) {
        List<AwaitingOrganisation> awaiting = new ArrayList<>();
        if (dossier.status() == OrderStatus.NOTICE && dossier.notice() != null) {
            if (!dossier.notice().mayImpose(today)) { // not answered, and the answer's last day has not passed
                awaiting.add(new AwaitingOrganisation(Kind.ANSWER_NOTICE, dossier.orderId(), dossier.reference(),
                        null, null, null, dossier.notice().responseDue(), dossier.notice().givenAt(), null));
            }
            return awaiting;
        }
        if (dossier.acknowledgedAt() == null && dossier.imposedAt() != null) {
            awaiting.add(new AwaitingOrganisation(Kind.ACKNOWLEDGE_ORDER, dossier.orderId(), dossier.reference(),
                    null, null, null, null, dossier.imposedAt(), null));
        }
        for (RequirementDossier requirement : dossier.requirements()) {
            if (NOT_THE_ORGANISATIONS_TURN.contains(requirement.status())) {
                continue;
            }
            if (requirement.status() == RequirementStatus.VERIFIED && requirement.verification() != null) {
                awaiting.add(item(Kind.REPORT_REQUIREMENT, dossier, requirement,
                        requirement.verification().verifiedAt(), null));
            } else if (requirement.decision() != null && "REJECTED".equals(requirement.decision().decision())) {
                awaiting.add(item(Kind.REWORK_REQUIREMENT, dossier, requirement, requirement.decision().decidedAt(),
                        requirement.reworkReason() != null ? requirement.reworkReason()
                                : requirement.decision().reason()));
            }
            ActionPlanVersion latest = requirement.latestPlan();
            if (latest != null && latest.review() != null && latest.review().verdict() == PlanVerdict.NEEDS_CHANGES) {
                awaiting.add(item(Kind.REVISE_PLAN, dossier, requirement, latest.review().reviewedAt(),
                        latest.review().remarks()));
            }
        }
        return awaiting;
    }

    private static AwaitingOrganisation item(Kind kind, ComplianceDossier dossier, RequirementDossier requirement,
                                             Instant since, String remark) {
        return new AwaitingOrganisation(kind, dossier.orderId(), dossier.reference(), requirement.requirementId(),
                requirement.number(), requirement.title(), requirement.deadline(), since, remark);
    }

    /**
     * The part the organisation's own professionals take on the teams of other organisations' open cases, per
     * professional and case organisation: the cases, the sessions they attended and the insights they recorded
     * there, and their latest session. Only those on a team now count; the organisation's own cases are in the rest
     * of the overview.
     */
    static List<ParticipationElsewhere> participationElsewhere(String organisationId, List<CaseView> cases) {
        record Key(String professionalId, String caseOrganisationId) {
        }
        Map<Key, ParticipationElsewhere> parts = new LinkedHashMap<>();
        for (CaseView view : cases) {
            if (view.closed() || organisationId.equals(view.organisationId())) {
                continue;
            }
            for (TeamMember member : view.team()) {
                if (!organisationId.equals(member.homeOrganisationId())) {
                    continue;
                }
                String id = member.professionalId();
                List<SessionView> attended = view.sessions().stream()
                        .filter(session -> session.participantIds().contains(id)).toList();
                int insights = (int) view.sessions().stream().flatMap(session -> session.insights().stream())
                        .filter(insight -> id.equals(insight.professionalId())).count();
                LocalDate last = SessionView.latestHeldOn(attended);
                parts.merge(new Key(id, view.organisationId()),
                        new ParticipationElsewhere(id, member.name(), view.organisationId(), 1, attended.size(),
                                insights, last),
                        (before, more) -> new ParticipationElsewhere(id, more.name(), more.caseOrganisationId(),
                                before.cases() + 1, before.sessionsAttended() + more.sessionsAttended(),
                                before.insightsRecorded() + more.insightsRecorded(),
                                later(before.lastSessionOn(), more.lastSessionOn())));
            }
        }
        return parts.values().stream().sorted(Comparator.comparing(ParticipationElsewhere::professionalId)
                .thenComparing(ParticipationElsewhere::caseOrganisationId)).toList();
    }

    private static LocalDate later(LocalDate one, LocalDate other) {
        return one == null ? other : other == null || one.isAfter(other) ? one : other;
    }

    /**
     * Whether a case of the organisation is open and serves no open order of it: it serves none, or its order was
     * closed and it goes on (a case linked to an open order since is counted with that order's cases).
     */
    static boolean servesNoOpenOrder(CaseView view, String organisationId, Set<UUID> openOrders) {
        return !view.closed() && view.organisationId().equals(organisationId)
                && (view.orderId() == null || !openOrders.contains(view.orderId()));
    }

    /** The cases serving the open orders, each folded from its own events in its order's trail. */
    private List<CaseView> caseViews(Map<UUID, List<TrailEntry>> orderTrails) {
        List<CaseView> views = new ArrayList<>();
        for (Map.Entry<UUID, List<TrailEntry>> trail : orderTrails.entrySet()) {
            Map<String, List<TrailEntry>> byCase = new LinkedHashMap<>();
            trail.getValue().stream().filter(entry -> !entry.aggregateId().equals(trail.getKey().toString()))
                    .forEach(entry -> byCase.computeIfAbsent(entry.aggregateId(), id -> new ArrayList<>()).add(entry));
            byCase.values().forEach(caseTrail -> CaseFold.fold(caseTrail, reader).filter(view -> !view.closed())
                    .ifPresent(views::add));
        }
        return views;
    }

    /** Each open case's sessions, the last one, and the days since: the longest silence first. */
    static List<SessionCadence> cadence(List<CaseView> cases, LocalDate today) {
        return cases.stream().map(view -> {
            LocalDate last = SessionView.latestHeldOn(view.sessions());
            return new SessionCadence(view.caseId(), view.citizenRef(), view.sessions().size(), last,
                    last == null ? null : ChronoUnit.DAYS.between(last, today));
        }).sorted(Comparator.comparing((SessionCadence c) -> c.daysSinceLastSession() == null ? Long.MAX_VALUE
                : c.daysSinceLastSession()).reversed()).toList();
    }

    /** Per dimension, over the cases that assessed it: their first and latest scores, averaged; no case named. */
    static List<DimensionProgress> progression(List<CaseView> cases) {
        Map<String, List<double[]>> byDimension = new java.util.TreeMap<>();
        for (CaseView view : cases) {
            Map<String, double[]> firstAndLatest = new LinkedHashMap<>();
            for (ProgressAssessment assessment : view.assessments()) { // oldest first
                for (DimensionScore score : assessment.scores()) {
                    firstAndLatest.computeIfAbsent(score.dimension(), d -> new double[]{score.score(), 0})[1]
                            = score.score();
                }
            }
            firstAndLatest.forEach((dimension, scores) -> byDimension.computeIfAbsent(dimension,
                    d -> new ArrayList<>()).add(scores));
        }
        return byDimension.entrySet().stream().map(e -> new DimensionProgress(e.getKey(), e.getValue().size(),
                e.getValue().stream().mapToDouble(s -> s[0]).average().orElse(0),
                e.getValue().stream().mapToDouble(s -> s[1]).average().orElse(0))).toList();
    }

    /** Sessions are counted once per session (a session serving two requirements appears under both). */
    private static void countParticipation(ComplianceDossier dossier, Map<String, int[]> participation) {
        Map<java.util.UUID, SessionView> sessions = new LinkedHashMap<>();
        Map<java.util.UUID, InsightView> insights = new LinkedHashMap<>();
        for (RequirementDossier requirement : dossier.requirements()) {
            requirement.sessions().forEach(s -> sessions.put(s.sessionId(), s));
            requirement.insights().forEach(i -> insights.put(i.insightId(), i));
        }
        for (CaseSummary summary : dossier.cases()) {
            for (TeamMember member : summary.team()) {
                participation.computeIfAbsent(member.professionalId(), id -> new int[2]);
            }
        }
        sessions.values().forEach(s -> s.participantIds().forEach(
                p -> participation.computeIfAbsent(p, id -> new int[2])[0]++));
        insights.values().forEach(i -> participation.computeIfAbsent(i.professionalId(), id -> new int[2])[1]++);
    }
}
