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
import dk.tilsynsspor.query.trail.OrderReference;
import dk.tilsynsspor.query.trail.TrailEntry;
import dk.tilsynsspor.query.trail.TrailRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /**
     * The cases whose team the professional is on now, in their own organisation: every open one, most recently
     * active first, and the most recently closed ones, as many as asked for. Only the cases listed are folded (and one
     * closed case more, to tell whether there are more), so a visit costs what the page shows, not every case the
     * professional was ever on.
     */
    @QueryHandler
    MyCases handle(FindMyCases query) {
        Actor professional = query.requester();
        if (professional.role() != Role.PROFESSIONAL) {
            return new MyCases(List.of(), List.of(), false);
        }
        List<Folded> open = new ArrayList<>();
        for (UUID caseId : trails.openCasesAssigning(professional.id())) {
            foldIfOnTeam(caseId, professional).ifPresent(open::add);
        }
        List<Folded> closed = new ArrayList<>();
        Iterator<UUID> closedIds = trails.closedCasesAssigning(professional.id()).iterator();
        while (closed.size() <= query.closedAtMost() && closedIds.hasNext()) {
            foldIfOnTeam(closedIds.next(), professional).ifPresent(closed::add);
        }
        boolean moreClosed = closed.size() > query.closedAtMost();
        List<Folded> listed = closed.subList(0, Math.min(closed.size(), query.closedAtMost()));
        Map<UUID, OrderReference> references = trails.orderReferences(Stream.concat(open.stream(), listed.stream())
                .map(each -> each.view().orderId()).filter(Objects::nonNull).collect(Collectors.toSet()));
        return new MyCases(open.stream().map(each -> summary(each, references, professional.id()))
                .sorted(Comparator.comparing(MyCase::lastActivityAt).reversed()).toList(),
                listed.stream().map(each -> summary(each, references, professional.id())).toList(), moreClosed);
    }

    /** The case folded from its trail, if the professional may see it (on its team now, in their organisation). */
    private Optional<Folded> foldIfOnTeam(UUID caseId, Actor professional) {
        List<TrailEntry> trail = trails.caseTrail(caseId);
        return CaseFold.fold(trail, reader)
                .filter(view -> Visibility.canSeeCase(professional, () -> null, view.organisationId(),
                        CaseReads.homes(view)))
                .map(view -> new Folded(view, trail));
    }

    /** A case folded from its trail, the trail kept for what happened last. */
    private record Folded(CaseView view, List<TrailEntry> trail) {
    }

    /**
     * One case as "Mine sager" lists it: the order it serves by reference, its sessions and insights, what happened
     * last and by whom, and how many sessions the professional took part in without recording an insight yet (what
     * waits for them).
     */
    private static MyCase summary(Folded folded, Map<UUID, OrderReference> orderReferences,
                                  String professionalId) {
        CaseView view = folded.view();
        List<TrailEntry> trail = folded.trail();
        OrderReference order = view.orderId() == null ? null : orderReferences.get(view.orderId());
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
        return new MyCase(view.caseId(), view.orderId(), order == null ? null : order.reference(),
                order != null && order.closed(), view.citizenRef(), view.closed(),
                view.sessions().size(), insights, lastSession, last.recordedAt(), last.eventType(), lastActor,
                awaiting);
    }
}
