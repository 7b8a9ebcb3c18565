-- Which deadlines each scope (an order) scheduled, so that closing an order cancels its deadlines by id
-- (ScopedDeadlines) instead of reading every open order's deadlines. Written in the scheduling command's transaction.
CREATE TABLE command.scheduled_deadline (
    scope         TEXT NOT NULL,
    deadline_name TEXT NOT NULL,
    schedule_id   TEXT PRIMARY KEY
);
CREATE INDEX scheduled_deadline_scope ON command.scheduled_deadline (scope, deadline_name);
