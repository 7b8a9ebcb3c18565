package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.order.NoticeLapsed;
import dk.tilsynsspor.core.order.NoticeOfOrderGiven;
import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.OrderPublished;
import dk.tilsynsspor.core.order.OrderUnpublished;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.query.database.QueryDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read of which orders the work queue folds, as the trail's projection leaves its tables: an authority's orders
 * still standing and its closed orders with a publication not withdrawn, the most recently imposed first; not a closed
 * order whose publications were all taken down, not a lapsed notice, not another authority's.
 */
class OrdersWaitingOnAuthorityReadTest {

    @RegisterExtension
    static final QueryDatabase database = new QueryDatabase();

    @Test
    void anAuthoritysStandingOrdersAndItsClosedOrdersWithAPublicationUpAreRead() throws Exception {
        try (QueryDatabase.Transaction transaction = database.transaction()) {
            UUID stillUp = UUID.randomUUID();
            UUID takenDown = UUID.randomUUID();
            UUID standing = UUID.randomUUID();
            UUID others = UUID.randomUUID();
            UUID lapsed = UUID.randomUUID();

            TrailRepository trails = ProjectedTables.projected(transaction, projection -> {
                for (UUID order : new UUID[] {stillUp, takenDown, standing}) {
                    ProjectedTables.imposed(projection, order, "kk-handicap");
                }
                ProjectedTables.imposed(projection, others, "socialtilsyn-syd", "kk-handicap");
                NoticeOfOrderGiven notice = new NoticeOfOrderGiven(lapsed, "socialtilsyn-hovedstaden", "kk-handicap",
                        "ST-varsel", "§ 8", LocalDate.of(2026, 11, 1), "Varsel", List.of(), LocalDate.of(2026, 11, 15));
                projection.on(notice, new GenericDomainEventMessage<>("SupervisoryOrder", lapsed.toString(), 0,
                        notice));
                projection.on(new NoticeLapsed(lapsed, "Ikke nødvendigt"));
                UUID downToo = UUID.randomUUID();
                projection.on(new OrderPublished(stillUp, UUID.randomUUID(), "TILBUDSPORTALEN", "https://a.dk/1"));
                UUID removed = UUID.randomUUID();
                projection.on(new OrderPublished(stillUp, removed, "STPS", "https://b.dk/1"));
                projection.on(new OrderUnpublished(stillUp, removed, "Ned igen"));
                projection.on(new OrderPublished(takenDown, downToo, "TILBUDSPORTALEN", "https://a.dk/2"));
                projection.on(new OrderUnpublished(takenDown, downToo, "Påbuddet er afsluttet"));
                projection.on(new OrderPublished(standing, UUID.randomUUID(), "TILBUDSPORTALEN", "https://a.dk/3"));
                projection.on(new OrderPublished(others, UUID.randomUUID(), "TILBUDSPORTALEN", "https://a.dk/4"));
                for (UUID order : new UUID[] {stillUp, takenDown, others}) {
                    projection.on(new SupervisoryOrderClosed(order, "Efterlevet", false, OrderOutcome.COMPLIED));
                }
            });

            assertThat(trails.ordersWaitingOnAuthority("socialtilsyn-hovedstaden"))
                    .containsExactlyInAnyOrder(stillUp, standing);
            assertThat(trails.ordersWaitingOnAuthority("socialtilsyn-syd")).containsExactly(others);
            assertThat(trails.ordersWaitingOnAuthority("an-authority-with-none")).isEmpty();
        }
    }
}
