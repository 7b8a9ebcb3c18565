package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.casework.query.FindMyCases;
import dk.tilsynsspor.core.casework.query.GetCaseView;
import dk.tilsynsspor.core.casework.query.MyCase;
import dk.tilsynsspor.core.casework.query.MyCases;
import dk.tilsynsspor.core.casework.query.SessionView;
import dk.tilsynsspor.core.casework.query.TeamMember;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.core.security.Visibility;
import dk.tilsynsspor.query.dossier.CaseFold;
import dk.tilsynsspor.query.dossier.EventReader;
import dk.tilsynsspor.query.trail.TrailEntry;
import dk.tilsynsspor.query.trail.TrailRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class CaseQueries {

    private final TrailRepository trails;
    private final EventReader reader;

    CaseQueries(TrailRepository trails, EventReader reader) {
        this.trails = trails;
        this.reader = reader;
    }

    @QueryHandler
    Optional<CaseView> handle(GetCaseView query) {
        return CaseFold.fold(trails.caseTrail(query.caseId()), reader);
    }

    /** The cases whose team the professional is on now, in their own organisation, most recently active first. */
    @QueryHandler
    MyCases handle(FindMyCases query) {
        Actor professional = query.requester();
        if (professional.role() != Role.PROFESSIONAL) {
            return new MyCases(List.of());
        }
        List<MyCase> cases = new ArrayList<>();
        for (UUID caseId : trails.casesAssigning(professional.id())) {
            List<TrailEntry> trail = trails.caseTrail(caseId);
            CaseFold.fold(trail, reader)
                    .filter(view -> Visibility.canSeeCase(professional, () -> null, view.organisationId(),
                            CaseReads.homes(view)))
                    .ifPresent(view -> cases.add(summary(view, trail, professional.id())));
        }
        cases.sort(Comparator.comparing(MyCase::lastActivityAt).reversed());
        return new MyCases(cases);
    }

    /**
     * One case as "Mine sager" lists it: its sessions and insights, what happened last and by whom, and how many
     * sessions the professional took part in without recording an insight yet (what waits for them).
     */
    private static MyCase summary(CaseView view, List<TrailEntry> trail, String professionalId) {
        int insights = view.sessions().stream().mapToInt(session -> session.insights().size()).sum();
        LocalDate lastSession = SessionView.latestHeldOn(view.sessions());
        TrailEntry last = trail.get(trail.size() - 1);
        String lastActor = view.team().stream().filter(member -> member.professionalId().equals(last.actorId()))
                .map(TeamMember::name).findFirst().orElse(last.actorId());
        int awaiting = view.closed() ? 0 : (int) view.sessions().stream()
                .filter(session -> session.participantIds().contains(professionalId))
                .filter(session -> session.insights().stream()
                        .noneMatch(insight -> professionalId.equals(insight.professionalId())))
                .count();
        return new MyCase(view.caseId(), view.orderId(), view.citizenRef(), view.closed(), view.sessions().size(),
                insights, lastSession, last.recordedAt(), last.eventType(), lastActor, awaiting);
    }
}
