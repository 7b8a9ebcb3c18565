package dk.tilsynsspor.command.order;

import dk.tilsynsspor.command.rules.RuleViolation;
import dk.tilsynsspor.core.order.OrderPublished;
import dk.tilsynsspor.core.order.OrderUnpublished;
import dk.tilsynsspor.core.order.PublishOrder;
import dk.tilsynsspor.core.order.UnpublishOrder;
import dk.tilsynsspor.core.security.Actor;
import dk.tilsynsspor.core.security.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Where the order is published while it stands (socialtilsynsloven § 8: Tilbudsportalen), by the authority: a
 * publication names its place and links to it, and is taken down with a reason — also after the order has ended,
 * which is when it must be. An entity of {@link SupervisoryOrder}.
 */
final class OrderPublications {

    /** The places the law and the authorities use; any other is named in words. */
    static final Set<String> KNOWN_PLACES = Set.of("TILBUDSPORTALEN", "STPS");

    private final SupervisoryOrder order;
    /** Each publication, and whether it is still up. */
    private final Map<UUID, Boolean> publications = new HashMap<>();

    OrderPublications(SupervisoryOrder order) {
        this.order = order;
    }

    @CommandHandler
    void handle(PublishOrder command, Actor actor) {
        order.authorise(actor, Role.INSPECTOR);
        order.assertNotClosed();
        RuleViolation.requireText(command.place(), "publication-incomplete", "A publication names where the order "
                + "is published: TILBUDSPORTALEN, STPS or another place.");
        if (!isWebAddress(command.url())) {
            throw RuleViolation.unprocessable("publication-incomplete", "A publication links to the order where it "
                    + "is published: an http or https address.").at("url");
        }
        if (publications.containsKey(command.publicationId())) {
            throw RuleViolation.conflict("publication-exists", "Publication " + command.publicationId()
                    + " exists already.");
        }
        apply(new OrderPublished(command.orderId(), command.publicationId(), command.place().strip(),
                command.url().strip()));
    }

    @CommandHandler
    void handle(UnpublishOrder command, Actor actor) {
        order.authorise(actor, Role.INSPECTOR);
        Boolean up = publications.get(command.publicationId());
        if (up == null) {
            throw RuleViolation.notFound("unknown-publication", "The order has no publication "
                    + command.publicationId() + ".");
        }
        if (!up) {
            throw RuleViolation.conflict("publication-withdrawn", "Publication " + command.publicationId()
                    + " is taken down already.");
        }
        OrderRules.requireReason(command.reason(), "Taking a publication down");
        apply(new OrderUnpublished(command.orderId(), command.publicationId(), command.reason()));
    }

    private static boolean isWebAddress(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    @EventSourcingHandler
    void on(OrderPublished event) {
        publications.put(event.publicationId(), true);
    }

    @EventSourcingHandler
    void on(OrderUnpublished event) {
        publications.put(event.publicationId(), false);
    }

    Map<UUID, Boolean> snapshot() {
        return Map.copyOf(publications);
    }

    void restore(Map<UUID, Boolean> state) {
        publications.putAll(state);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderPublications that && publications.equals(that.publications);
    }

    @Override
    public int hashCode() {
        return Objects.hash(publications);
    }
}
