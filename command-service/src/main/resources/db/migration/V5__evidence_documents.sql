-- Evidence documents (second round, part 2). The bytes are kept beside the event store, not in the event: the event
-- (EvidenceDocumentAttached) carries their sha256, so the order's hash chain vouches for the file. A case's document
-- is sealed under the case's key (events.citizen_key) and shredded with it: forgetting the citizen deletes the row.
-- The bytes are BYTEA, never an OID large object. Written by command-service before the command that attaches the
-- document; a row whose command then failed is deleted again, and a row no event names is never served.
CREATE TABLE events.evidence_document (
    document_id UUID        PRIMARY KEY,
    case_id     UUID,
    sealed      BOOLEAN     NOT NULL,
    content     BYTEA       NOT NULL,
    stored_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (sealed = (case_id IS NOT NULL))
);
CREATE INDEX evidence_document_by_case ON events.evidence_document (case_id) WHERE case_id IS NOT NULL;

-- The documents as the command side knows them, for verifications that cite them and withdrawals addressed by id.
CREATE TABLE command.document_lookup (
    document_id    UUID PRIMARY KEY,
    order_id       UUID         NOT NULL,
    requirement_id UUID         NOT NULL,
    case_id        UUID,
    withdrawn      BOOLEAN      NOT NULL
);
