package dk.tilsynsspor.query.casework;

import dk.tilsynsspor.core.casework.query.CaseView;
import dk.tilsynsspor.core.casework.query.GetCaseView;
import dk.tilsynsspor.query.dossier.CaseFold;
import dk.tilsynsspor.query.dossier.EventReader;
import dk.tilsynsspor.query.trail.TrailRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

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
}
