package dk.tilsynsspor.query.order;

import dk.tilsynsspor.core.order.query.AuditTrail;
import dk.tilsynsspor.core.order.query.ComplianceDossier;
import dk.tilsynsspor.core.order.query.CountOrderDeadlines;
import dk.tilsynsspor.core.order.query.FindOrders;
import dk.tilsynsspor.core.order.query.GetAuditTrail;
import dk.tilsynsspor.core.order.query.GetComplianceDossier;
import dk.tilsynsspor.core.order.query.GetWorkQueue;
import dk.tilsynsspor.core.order.query.OrderDeadlines;
import dk.tilsynsspor.core.order.query.OrderList;
import dk.tilsynsspor.core.order.query.OrderStatus;
import dk.tilsynsspor.core.order.query.TrailVerification;
import dk.tilsynsspor.core.order.query.VerifyAuditTrail;
import dk.tilsynsspor.core.order.query.WorkQueue;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.ActorIds;
import dk.tilsynsspor.core.security.Visibility;
import dk.tilsynsspor.platform.security.CurrentActor;
import dk.tilsynsspor.query.web.AsOf;
import dk.tilsynsspor.query.web.InvalidParameterException;
import dk.tilsynsspor.query.web.NotFoundException;
import dk.tilsynsspor.query.web.VerificationUnavailableException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The dossier, the trail and its verification of one order, for the caller only if the order is theirs to see.
 * A role that never reads orders is refused (403) before anything is looked up; an order of another authority or
 * organisation answers exactly as an order that does not exist (404), so no answer tells an outsider what exists.
 */
@Component
public class OrderReads {

    private final QueryGateway queries;
    private final CurrentActor currentActor;

    OrderReads(QueryGateway queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    /**
     * The orders the caller may see, newest first (none for a professional, who reads cases); with
     * {@code organisationId} (blank: any), that organisation's only. An id no organisation can have is refused naming
     * the parameter: a NUL in it failed the query with a 500.
     */
    public OrderList orders(String organisationId, OrderStatus status) {
        String organisation = organisationId == null || organisationId.isBlank() ? null : organisationId;
        if (organisation != null && !ActorIds.wellFormed(organisation)) {
            throw new InvalidParameterException("organisationId", "Parameter organisationId must be 1 to "
                    + ActorIds.MAX_LENGTH + " letters, digits or . _ @ : | + - (no spaces).");
        }
        return queries.query(new FindOrders(currentActor.get(), organisation, status), OrderList.class).join();
    }

    /** How the deadlines of the named orders stand today, by order id (an ended order, or another's, is missing). */
    public Map<UUID, OrderDeadlines.Count> deadlines(List<UUID> orderIds) {
        return queries.query(new CountOrderDeadlines(currentActor.get(), orderIds), OrderDeadlines.class).join()
                .orders().stream().collect(Collectors.toMap(OrderDeadlines.Count::orderId, count -> count));
    }

    /** What waits for the caller's authority (an empty queue for anyone but an inspector). */
    public WorkQueue workQueue() {
        return queries.query(new GetWorkQueue(currentActor.get()), WorkQueue.class).join();
    }

    /** The order's dossier, as it stood at {@code asOf} (null: now; outside {@link AsOf}'s years: refused). */
    public ComplianceDossier dossier(UUID orderId, Instant asOf) {
        Actor actor = readerOfOrders();
        return queries.query(new GetComplianceDossier(actor, orderId, AsOf.checked(asOf)),
                        ResponseTypes.optionalInstanceOf(ComplianceDossier.class)).join()
                .filter(dossier -> Visibility.canSeeOrder(actor, dossier.authorityId(), dossier.organisationId()))
                .orElseThrow(() -> notFound(orderId, asOf));
    }

    /** The order's trail until {@code asOf} (null: now; outside {@link AsOf}'s years: refused). */
    public AuditTrail trail(UUID orderId, Instant asOf) {
        Actor actor = readerOfOrders();
        return queries.query(new GetAuditTrail(actor, orderId, AsOf.checked(asOf)),
                        ResponseTypes.optionalInstanceOf(AuditTrail.class)).join()
                .filter(trail -> Visibility.canSeeOrder(actor, trail.authorityId(), trail.organisationId()))
                .orElseThrow(() -> notFound(orderId, asOf));
    }

    /**
     * The chain's verification; 501 where the store that keeps the chains holds none of the order's events yet (with
     * Axon Server, before the chain's mirror has copied its first event, ADR 19). Events stored but not sealed yet
     * are no reason: they are counted as waiting (ADR 28).
     */
    public TrailVerification verification(UUID orderId) {
        return keptVerification(orderId).orElseThrow(() -> new VerificationUnavailableException(
                "No hash chain is kept for this order yet: none of its events has been copied to the chain's store. "
                        + "Ask again in a moment."));
    }

    /** The chain's verification, or empty where the event store keeps no hash chain; 404 as for the trail. */
    public Optional<TrailVerification> keptVerification(UUID orderId) {
        Actor actor = readerOfOrders();
        Optional<OrderVerification> answer = queries.query(new VerifyAuditTrail(actor, orderId),
                ResponseTypes.optionalInstanceOf(OrderVerification.class)).join();
        OrderVerification order = answer
                .filter(candidate -> Visibility.canSeeOrder(actor, candidate.authorityId(), candidate.organisationId()))
                .orElseThrow(() -> notFound(orderId, null));
        return Optional.ofNullable(order.verification());
    }

    private Actor readerOfOrders() {
        Actor actor = currentActor.get();
        if (!Visibility.readsOrders(actor)) {
            throw new AccessDeniedException("A " + actor.role() + " reads cases, not orders.");
        }
        return actor;
    }

    private static NotFoundException notFound(UUID orderId, Instant asOf) {
        return new NotFoundException("There is no order with id " + orderId
                + (asOf == null ? "" : " as of " + asOf) + " that you may see.");
    }
}
