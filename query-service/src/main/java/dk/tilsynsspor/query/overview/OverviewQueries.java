package dk.tilsynsspor.query.overview;

import dk.tilsynsspor.core.casework.query.InsightView;
import dk.tilsynsspor.core.casework.query.SessionView;
import dk.tilsynsspor.core.casework.query.TeamMember;
import dk.tilsynsspor.core.order.query.CaseSummary;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.GetOrganisationOverview;
import dk.tilsynsspor.core.order.query.OrderSummary;
import dk.tilsynsspor.core.order.query.OrganisationOverview;
import dk.tilsynsspor.core.order.query.Participation;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leader's overview, folded from the dossiers of the organisation's open orders: what is overdue, what falls
 * due within {@value OverviewReads#DUE_SOON_DAYS} days, the teams, and each professional's part in sessions and
 * insights.
 */
@Component
class OverviewQueries {


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
        List<ComplianceDossier> dossiers = trails.openOrderTrails(query.organisationId()).values().stream()
                .flatMap(trail -> DossierFold.fold(trail, reader, today, null).stream()).toList();
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
        overdue.sort(Comparator.comparing(RequirementAlert::deadline));
        dueSoon.sort(Comparator.comparing(RequirementAlert::deadline));
        List<OrderSummary> open = dossiers.stream().map(d -> new OrderSummary(d.orderId(), d.reference(),
                d.authorityId(), d.organisationId(), d.issuedOn(), d.status(), d.escalated(), d.imposedAt())).toList();
        List<Participation> professionals = participation.entrySet().stream()
                .map(e -> new Participation(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0],
                        e.getValue()[1]))
                .sorted(Comparator.comparing(Participation::professionalId)).toList();
        return new OrganisationOverview(query.organisationId(), today, open, overdue, dueSoon, teams, professionals);
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
