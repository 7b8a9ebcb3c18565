package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.GetAuditTrail;
import dk.tilsynsspor.core.order.query.GetComplianceDossier;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.query.security.CurrentActor;
import dk.tilsynsspor.query.web.NotFoundException;
import dk.tilsynsspor.query.web.Visibility;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** The dossier and the trail of one order, for the caller only if the order is theirs to see. */
@Component
public class OrderReads {

    private final QueryGateway queries;
    private final CurrentActor currentActor;

    OrderReads(QueryGateway queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    public ComplianceDossier dossier(UUID orderId, Instant asOf) {
        Actor actor = currentActor.get();
        ComplianceDossier dossier = queries.query(new GetComplianceDossier(actor, orderId, asOf),
                        ResponseTypes.optionalInstanceOf(ComplianceDossier.class)).join()
                .orElseThrow(() -> notFound(orderId, asOf));
        assertVisible(actor, orderId, dossier.authorityId(), dossier.organisationId());
        return dossier;
    }

    public AuditTrail trail(UUID orderId, Instant asOf) {
        Actor actor = currentActor.get();
        AuditTrail trail = queries.query(new GetAuditTrail(actor, orderId, asOf),
                        ResponseTypes.optionalInstanceOf(AuditTrail.class)).join()
                .orElseThrow(() -> notFound(orderId, asOf));
        assertVisible(actor, orderId, trail.authorityId(), trail.organisationId());
        return trail;
    }

    private static void assertVisible(Actor actor, UUID orderId, String authorityId, String organisationId) {
        if (!Visibility.canSeeOrder(actor, authorityId, organisationId)) {
            throw new AccessDeniedException("order " + orderId + " belongs to another authority or organisation");
        }
    }

    private static NotFoundException notFound(UUID orderId, Instant asOf) {
        return new NotFoundException("There is no order with id " + orderId
                + (asOf == null ? "." : " as of " + asOf + "."));
    }
}
