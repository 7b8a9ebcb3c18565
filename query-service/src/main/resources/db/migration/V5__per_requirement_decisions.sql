-- Reports and decisions are per requirement: the summary keeps which requirements await the authority's decision,
-- so that its status says "report submitted" while any does. Both arrays are sets kept by idempotent updates (union
-- on a report, difference on a decision), so a redelivered event changes nothing. requirement_ids serves reports
-- stored before reports named their requirements (they covered all). Orders projected before this migration start
-- with no requirement awaiting a decision; a rebuild of the trail fills both from the events.
ALTER TABLE query.order_summary
    ADD COLUMN requirement_ids   UUID[] NOT NULL DEFAULT '{}',
    ADD COLUMN awaiting_decision UUID[] NOT NULL DEFAULT '{}';
