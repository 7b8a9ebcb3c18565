package dk.tilsynsspor.core.order.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How the deadlines of some orders stand on {@code day}: for each, how many of its requirements are overdue and how
 * many are due soon (not verified, decided or overdue, the deadline a fortnight away or closer). An order missing
 * from {@code orders} has neither.
 */
public record OrderDeadlines(LocalDate day, List<Count> orders) {

    public OrderDeadlines {
        orders = List.copyOf(orders);
    }

    /** One order's requirements overdue and due soon. */
    public record Count(UUID orderId, int overdue, int dueSoon) {
    }
}
