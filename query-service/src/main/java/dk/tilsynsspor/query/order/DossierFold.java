package dk.tilsynsspor.query.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.tilsynsspor.core.order.Requirement;
import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.RequirementDossier;
import dk.tilsynsspor.core.order.query.RequirementStatus;
import dk.tilsynsspor.query.eventstore.EventJson;
import dk.tilsynsspor.query.trail.TrailEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds one order's trail into its compliance dossier. A pure function of the events (and the day it is asked on),
 * so the current dossier, a dossier as of any past instant and a dossier after a rebuild are computed alike.
 */
class DossierFold {

    private static final String CORE_PACKAGE = "dk.tilsynsspor.core.";

    private final EventJson json;

    DossierFold(EventJson json) {
        this.json = json;
    }

    Optional<ComplianceDossier> fold(List<TrailEntry> trail, LocalDate today, Instant asOf) {
        Dossier dossier = new Dossier();
        for (TrailEntry entry : trail) {
            Object event = read(entry);
            if (event instanceof SupervisoryOrderImposed imposed) {
                dossier.imposed(imposed, entry.recordedAt());
            }
        }
        return dossier.header == null ? Optional.empty() : Optional.of(dossier.build(today, asOf));
    }

    private Object read(TrailEntry entry) {
        if (!entry.payloadType().startsWith(CORE_PACKAGE)) {
            throw new IllegalStateException("unexpected event type in trail: " + entry.payloadType());
        }
        try {
            return json.mapper().treeToValue(entry.payload(), Class.forName(entry.payloadType()));
        } catch (ClassNotFoundException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + entry.payloadType() + " of event " + entry.eventId(), e);
        }
    }

    /** The dossier while it is being folded. */
    private static final class Dossier {

        private SupervisoryOrderImposed header;
        private Instant imposedAt;
        private final OrderStatus status = OrderStatus.IMPOSED;
        private final List<Requirement> requirements = new ArrayList<>();

        void imposed(SupervisoryOrderImposed event, Instant recordedAt) {
            header = event;
            imposedAt = recordedAt;
            requirements.addAll(event.requirements());
        }

        ComplianceDossier build(LocalDate today, Instant asOf) {
            List<RequirementDossier> views = new ArrayList<>();
            for (int i = 0; i < requirements.size(); i++) {
                Requirement requirement = requirements.get(i);
                long daysLeft = ChronoUnit.DAYS.between(today, requirement.deadline());
                RequirementStatus status = daysLeft < 0 ? RequirementStatus.OVERDUE : RequirementStatus.OPEN;
                views.add(new RequirementDossier(requirement.requirementId(), i + 1, requirement.title(),
                        requirement.requiredChange(), requirement.qualityTheme(), requirement.deadline(), daysLeft,
                        status));
            }
            return new ComplianceDossier(header.orderId(), header.reference(), header.authorityId(),
                    header.organisationId(), header.legalBasis(), header.issuedOn(), header.summary(), status, false,
                    imposedAt, asOf, List.copyOf(views));
        }
    }
}
