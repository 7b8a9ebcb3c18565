package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.access.Actors;
import dk.tilsynsspor.core.order.OrderPublished;
import dk.tilsynsspor.core.order.OrderUnpublished;
import dk.tilsynsspor.core.order.PublishOrder;
import dk.tilsynsspor.core.order.SupervisoryOrderClosed;
import dk.tilsynsspor.core.order.UnpublishOrder;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dk.tilsynsspor.command.order.OrderFlowTest.imposed;
import static dk.tilsynsspor.command.order.SupervisoryOrderTest.ORDER;
import static dk.tilsynsspor.command.rules.Violations.violation;

/** Publishing an order while it stands, and taking it down (domain, second round, part 1). One test per rule. */
class OrderPublicationsTest {

    private static final UUID PUBLICATION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final String URL = "https://tilbudsportalen.dk/tilbud/123/paabud";

    private AggregateTestFixture<SupervisoryOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisoryOrder.class);
        fixture.registerCommandDispatchInterceptor(Actors.byDefault());
    }

    private static OrderPublished published() {
        return new OrderPublished(ORDER, PUBLICATION, "TILBUDSPORTALEN", URL);
    }

    @Test
    void theInspectorPublishesTheOrderWithPlaceAndLink() {
        fixture.given(imposed()).when(new PublishOrder(ORDER, PUBLICATION, "TILBUDSPORTALEN", URL))
                .expectEvents(published());
    }

    @Test
    void onlyTheAuthorityPublishes() {
        fixture.given(imposed()).when(new PublishOrder(ORDER, PUBLICATION, "TILBUDSPORTALEN", URL), Actors.LEADER)
                .expectNoEvents().expectException(violation("wrong-role"));
    }

    @Test
    void aPublicationLinksToAWebAddress() {
        fixture.given(imposed()).when(new PublishOrder(ORDER, PUBLICATION, "TILBUDSPORTALEN", "javascript:alert(1)"))
                .expectNoEvents().expectException(violation("publication-incomplete"));
        fixture.given(imposed()).when(new PublishOrder(ORDER, PUBLICATION, " ", URL))
                .expectNoEvents().expectException(violation("publication-incomplete"));
    }

    @Test
    void anEndedOrderIsNotPublished() {
        fixture.given(imposed(), new SupervisoryOrderClosed(ORDER, "trukket tilbage", true))
                .when(new PublishOrder(ORDER, PUBLICATION, "TILBUDSPORTALEN", URL))
                .expectNoEvents().expectException(violation("order-closed"));
    }

    @Test
    void aPublicationIsTakenDownWithAReasonAlsoAfterTheOrderEnded() {
        fixture.given(imposed(), published(), new SupervisoryOrderClosed(ORDER, "efterkommet", false))
                .when(new UnpublishOrder(ORDER, PUBLICATION, "Påbuddet er afsluttet"))
                .expectEvents(new OrderUnpublished(ORDER, PUBLICATION, "Påbuddet er afsluttet"));
        fixture.given(imposed(), published()).when(new UnpublishOrder(ORDER, PUBLICATION, ""))
                .expectNoEvents().expectException(violation("reason-required"));
    }

    @Test
    void onlyAPublicationThatIsUpIsTakenDown() {
        fixture.given(imposed()).when(new UnpublishOrder(ORDER, PUBLICATION, "x"))
                .expectNoEvents().expectException(violation("unknown-publication"));
        fixture.given(imposed(), published(), new OrderUnpublished(ORDER, PUBLICATION, "x"))
                .when(new UnpublishOrder(ORDER, PUBLICATION, "igen"))
                .expectNoEvents().expectException(violation("publication-withdrawn"));
    }
}
