package dk.tilsynsspor.core.order.query;

import java.util.List;

public record OrderList(List<OrderSummary> orders) {
}
