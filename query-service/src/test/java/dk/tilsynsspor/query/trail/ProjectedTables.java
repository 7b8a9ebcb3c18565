package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.order.SupervisoryOrderImposed;
import dk.tilsynsspor.query.database.QueryDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** The trail's projection's tables, as a batch of events handled by it leaves them, for the reads' tests. */
final class ProjectedTables {

    private ProjectedTables() {
    }

    /** The events handled by the trail's projection in one batch, committed; the trails read from its tables. */
    static TrailRepository projected(QueryDatabase.Transaction transaction, Consumer<OrderTrailProjection> events) {
        OrderTrailProjection projection = new OrderTrailProjection(transaction.jdbc());
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        events.accept(projection);
        batch.commit();
        return new TrailRepository(transaction.jdbc(), null, null);
    }

    /** An order of the organisation imposed, its reference "ST-" and its id, with no requirements. */
    static void imposed(OrderTrailProjection projection, UUID orderId, String organisationId) {
        imposed(projection, orderId, "socialtilsyn-hovedstaden", organisationId);
    }

    /** An order of the authority to the organisation imposed, its reference "ST-" and its id. */
    static void imposed(OrderTrailProjection projection, UUID orderId, String authorityId, String organisationId) {
        SupervisoryOrderImposed imposed = new SupervisoryOrderImposed(orderId, authorityId,
                organisationId, "ST-" + orderId, "§ 8", LocalDate.of(2026, 12, 1), "Påbud", List.of());
        projection.on(imposed, new GenericDomainEventMessage<>("SupervisoryOrder", orderId.toString(), 0, imposed));
    }
}
