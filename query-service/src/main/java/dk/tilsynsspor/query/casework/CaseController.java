package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.casework.query.GetCaseView;
import dk.tilsynsspor.core.casework.query.TeamMember;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.query.security.CurrentActor;
import dk.tilsynsspor.query.web.NotFoundException;
import dk.tilsynsspor.query.web.Visibility;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
class CaseController {

    private final QueryGateway queries;
    private final CurrentActor currentActor;
    private final JdbcTemplate jdbc;

    CaseController(QueryGateway queries, CurrentActor currentActor, JdbcTemplate jdbc) {
        this.queries = queries;
        this.currentActor = currentActor;
        this.jdbc = jdbc;
    }

    /** The case view: team, development themes, learning sessions and their insights. */
    @GetMapping("/api/cases/{caseId}")
    CaseView caseView(@PathVariable UUID caseId) {
        Actor actor = currentActor.get();
        NotFoundException notFound = new NotFoundException("There is no case with id " + caseId
                + " that you may see.");
        CaseView view = queries.query(new GetCaseView(actor, caseId), ResponseTypes.optionalInstanceOf(CaseView.class))
                .join().orElseThrow(() -> notFound);
        String authorityId = jdbc.queryForObject("SELECT authority_id FROM query.order_summary WHERE order_id = ?",
                String.class, view.orderId());
        List<String> team = view.team().stream().map(TeamMember::professionalId).toList();
        if (!Visibility.canSeeCase(actor, authorityId, view.organisationId(), team)) {
            throw notFound; // another tenant's case answers as an unknown one: no answer tells what exists
        }
        return view;
    }
}
