package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.query.dossier.CaseFold;
import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.casework.query.FindMyCases;
import dk.tilsynsspor.core.casework.query.GetCaseView;
import dk.tilsynsspor.core.casework.query.MyCases;
import dk.tilsynsspor.core.casework.query.TeamMember;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.RequirementAmended;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import dk.tilsynsspor.core.security.Visibility;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.platform.security.DemoUserProperties;
import dk.tilsynsspor.query.dossier.EventReader;
import dk.tilsynsspor.query.trail.OrderReference;
import dk.tilsynsspor.query.trail.TrailRepository;
import dk.tilsynsspor.query.web.NotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One case, for the caller only if it is theirs to see (API and pages alike): another tenant's case answers exactly
 * as an unknown one, so no answer tells what exists.
 */
@Component
public class CaseReads {

    /** At most this many professionals are suggested for a team. */
    static final int SUGGESTED_PROFESSIONALS = 1_000;

    private final QueryGateway queries;
    private final CurrentActor currentActor;
    private final JdbcTemplate jdbc;
    private final TrailRepository trails;
    private final EventReader reader;
    private final DemoUserProperties demoUsers;

    CaseReads(QueryGateway queries, CurrentActor currentActor, JdbcTemplate jdbc, TrailRepository trails,
              EventReader reader, DemoUserProperties demoUsers) {
        this.queries = queries;
        this.currentActor = currentActor;
        this.jdbc = jdbc;
        this.trails = trails;
        this.reader = reader;
        this.demoUsers = demoUsers;
    }

    /**
     * The cases whose team the logged-in professional is on ("Mine sager"), with at most {@code closedAtMost} of the
     * closed ones; nobody else has any.
     */
    public MyCases myCases(int closedAtMost) {
        return queries.query(new FindMyCases(currentActor.get(), closedAtMost), MyCases.class).join();
    }

    /**
     * The requirements the case serves, by number and title ("Krav 1: Pædagogisk metode"), for its forms and
     * lists: from the order's imposition (not its notice's drafts), which anyone who may see the case may read this
     * much of.
     */
    public Map<UUID, String> requirementTitles(CaseView view) {
        if (view.orderId() == null) {
            return new LinkedHashMap<>(); // serving no order: no requirements
        }
        Map<UUID, String> titles = titlesOf(view.orderId(), view.requirementIds());
        view.requirementIds().forEach(id -> titles.putIfAbsent(id, "Krav " + id));
        return titles;
    }

    /**
     * The order the case serves, by its reference and whether it is closed (the case goes on after it as the
     * organisation's own development); null for a case serving none, or an order not yet projected.
     */
    public ServedOrder servedOrder(CaseView view) {
        OrderReference order = view.orderId() == null ? null
                : trails.orderReferences(List.of(view.orderId())).get(view.orderId());
        return order == null ? null : new ServedOrder(order.reference(), order.closed());
    }

    /** The order a case serves, as its page names it. */
    public record ServedOrder(String reference, boolean closed) {
    }

    /**
     * The professionals the leader's organisation has put on a team before, by id with their name and discipline as
     * entered the last time (at most {@value #SUGGESTED_PROFESSIONALS}), and the demo users' professionals when they
     * are on: the team form suggests them, as a mistyped id would put someone on the team who cannot sign in as
     * that id. Only a leader of the case's organisation puts people on its team, so only they are told.
     */
    public Map<String, String> knownProfessionals(String organisationId) {
        if (!leaderOf(organisationId)) {
            return Map.of();
        }
        Map<String, String> known = new TreeMap<>();
        if (demoUsers.enabled()) {
            demoUsers.users().stream().filter(user -> user.role() == Role.PROFESSIONAL)
                    .forEach(user -> known.put(user.name(), user.scope()));
        }
        jdbc.query("""
                SELECT DISTINCT ON (professional_id) professional_id, label FROM query.case_assignment
                 WHERE organisation_id = ?
                 ORDER BY professional_id, global_index DESC
                 LIMIT ?""", row -> {
            known.put(row.getString("professional_id"), row.getString("label"));
        }, organisationId, SUGGESTED_PROFESSIONALS);
        return known;
    }

    /** Whether the caller is a leader of the organisation (who alone link its cases and staff their teams). */
    private boolean leaderOf(String organisationId) {
        Actor actor = currentActor.get();
        return actor.role() == Role.LEADER && actor.scope().equals(organisationId);
    }

    /** An order the organisation's cases may be linked to, with its requirements by number and title. */
    public record LinkableOrder(UUID orderId, String reference, Map<UUID, String> requirements) {
    }

    /**
     * The organisation's imposed orders that are not closed, each with its requirements, for a leader linking a case
     * to them. Nobody else links, so nobody else is told.
     */
    public List<LinkableOrder> linkableOrders(String organisationId) {
        if (!leaderOf(organisationId)) {
            return List.of();
        }
        return jdbc.query("""
                SELECT order_id, reference FROM query.order_summary
                 WHERE organisation_id = ? AND status NOT IN ('CLOSED', 'LAPSED', 'NOTICE') ORDER BY imposed_at""",
                (rs, row) -> Map.entry(rs.getObject("order_id", UUID.class), rs.getString("reference")),
                organisationId).stream()
                .map(order -> new LinkableOrder(order.getKey(), order.getValue(), titlesOf(order.getKey(), null)))
                .toList();
    }

    /** The order's requirements (only those in {@code only}, unless null), "Krav n: title" as imposed or amended. */
    private Map<UUID, String> titlesOf(UUID orderId, List<UUID> only) {
        Map<UUID, String> titles = new LinkedHashMap<>();
        trails.eventsOf(orderId, SupervisoryOrderImposed.class, RequirementAmended.class).stream().map(reader::read)
                .forEach(event -> {
            if (event instanceof SupervisoryOrderImposed imposed) {
                List<Requirement> requirements = imposed.requirements();
                for (int index = 0; index < requirements.size(); index++) {
                    Requirement requirement = requirements.get(index);
                    if (only == null || only.contains(requirement.requirementId())) {
                        titles.put(requirement.requirementId(), "Krav " + (index + 1) + ": " + requirement.title());
                    }
                }
            } else if (event instanceof RequirementAmended amended && titles.containsKey(amended.requirementId())) {
                String numbered = titles.get(amended.requirementId());
                titles.put(amended.requirementId(), numbered.substring(0, numbered.indexOf(": ") + 2)
                        + amended.title());
            }
        });
        return titles;
    }

    /**
     * The organisation's open cases that serve no order (ongoing professional development), for its leaders: each
     * folded from its trail. A leader of another organisation gets none.
     */
    public List<CaseView> casesWithoutAnOrder(String organisationId) {
        if (!leaderOf(organisationId)) {
            return List.of();
        }
        return CaseFold.withoutAnOrder(trails, reader, organisationId);
    }

    /** The team's professionals and each one's home organisation. */
    public static Map<String, String> homes(CaseView view) {
        return view.team().stream().collect(java.util.stream.Collectors.toMap(TeamMember::professionalId,
                member -> member.homeOrganisationId() == null ? view.organisationId() : member.homeOrganisationId()));
    }

    public CaseView caseView(UUID caseId) {
        Actor actor = currentActor.get();
        NotFoundException notFound = new NotFoundException("There is no case with id " + caseId
                + " that you may see.");
        CaseView view = queries.query(new GetCaseView(actor, caseId), ResponseTypes.optionalInstanceOf(CaseView.class))
                .join().orElseThrow(() -> notFound);
        // a case serving no order is seen by its organisation's leaders and its team only
        String authorityId = view.orderId() == null ? null : jdbc.query(
                "SELECT authority_id FROM query.order_summary WHERE order_id = ?", (rs, row) -> rs.getString(1),
                view.orderId()).stream().findFirst().orElseThrow(() -> notFound);
        if (!Visibility.canSeeCase(actor, () -> authorityId, view.organisationId(), homes(view))) {
            throw notFound;
        }
        return view;
    }
}
