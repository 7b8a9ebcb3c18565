package dk.tilsynsspor.query.trail;

import dk.tilsynsspor.core.order.OrderOutcome;
import dk.tilsynsspor.core.order.OrderPublished;
import dk.tilsynsspor.core.order.OrderUnpublished;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.query.database.QueryDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read behind the work queue's "ended orders still published", as the trail's projection leaves its tables: an
 * authority's closed orders with a publication not withdrawn; not one whose publications were all taken down, not an
 * order still standing, not another authority's.
 */
class ClosedOrdersStillPublishedReadTest {

    @RegisterExtension
    static final QueryDatabase database = new QueryDatabase();

    @Test
    void anAuthoritysClosedOrdersWithAPublicationUpAreRead() throws Exception {
        try (QueryDatabase.Transaction transaction = database.transaction()) {
            UUID stillUp = UUID.randomUUID();
            UUID takenDown = UUID.randomUUID();
            UUID standing = UUID.randomUUID();
            UUID others = UUID.randomUUID();

            TrailRepository trails = ProjectedTables.projected(transaction, projection -> {
                for (UUID order : new UUID[] {stillUp, takenDown, standing}) {
                    ProjectedTables.imposed(projection, order, "kk-handicap");
                }
                ProjectedTables.imposed(projection, others, "socialtilsyn-syd", "kk-handicap");
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

            assertThat(trails.closedOrdersStillPublished("socialtilsyn-hovedstaden")).containsExactly(stillUp);
            assertThat(trails.closedOrdersStillPublished("socialtilsyn-syd")).containsExactly(others);
            assertThat(trails.closedOrdersStillPublished("an-authority-with-none")).isEmpty();
        }
    }
}
