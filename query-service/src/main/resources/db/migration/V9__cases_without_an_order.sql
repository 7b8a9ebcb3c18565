-- Cases without an order (second round, part 4): a case's events are kept in a trail of its own, keyed by the case's
-- id, while it serves no order. The leader's overview lists such cases, found by this index without a scan.
CREATE INDEX order_event_cases_without_order ON query.order_event (aggregate_id)
    WHERE order_id::text = aggregate_id OR event_type = 'CaseUnlinkedFromRequirements';
