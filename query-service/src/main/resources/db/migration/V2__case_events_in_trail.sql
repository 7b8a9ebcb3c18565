-- Case events now carry the order they serve, so the trail needs no case-to-order lookup.
DROP TABLE query.case_order;

-- The case view reads one case's events.
CREATE INDEX order_event_by_aggregate ON query.order_event (aggregate_id, global_index);
