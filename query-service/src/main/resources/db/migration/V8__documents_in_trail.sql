-- Evidence documents are found by id in the trail (the events attaching and withdrawing them), for downloads and
-- checks, without a table of their own: the trail already holds what the events say.
CREATE INDEX order_event_by_document ON query.order_event ((payload ->> 'documentId'))
    WHERE payload ? 'documentId';
