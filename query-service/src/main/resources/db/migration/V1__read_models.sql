-- query-service owns schema "query": its processors' tokens and every read model. It only reads schema "events".

-- Axon's JdbcTokenStore table, as PostgresTokenTableFactory makes it (bytea token, never an OID large object).
CREATE TABLE query.token_entry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);

-- Every event that touched an order or a case serving it: the audit trail, and what the dossier is folded from.
-- One row per (order, event); the global index orders the trail and makes re-projection idempotent.
CREATE TABLE query.order_event (
    order_id           UUID         NOT NULL,
    global_index       BIGINT       NOT NULL,
    event_id           VARCHAR(255) NOT NULL,
    aggregate_id       VARCHAR(255) NOT NULL,
    aggregate_sequence BIGINT       NOT NULL,
    event_type         VARCHAR(255) NOT NULL,
    payload_type       VARCHAR(255) NOT NULL,
    recorded_at        TIMESTAMPTZ  NOT NULL,
    actor_id           VARCHAR(255),
    actor_role         VARCHAR(32),
    actor_scope        VARCHAR(255),
    reason             TEXT,
    payload            JSONB        NOT NULL,
    PRIMARY KEY (order_id, global_index)
);

-- The orders, for listing and filtering without reading their trails.
CREATE TABLE query.order_summary (
    order_id        UUID         PRIMARY KEY,
    reference       VARCHAR(255) NOT NULL,
    authority_id    VARCHAR(255) NOT NULL,
    organisation_id VARCHAR(255) NOT NULL,
    issued_on       DATE         NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    escalated       BOOLEAN      NOT NULL DEFAULT FALSE,
    imposed_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX order_summary_by_organisation ON query.order_summary (organisation_id, imposed_at);
CREATE INDEX order_summary_by_authority ON query.order_summary (authority_id, imposed_at);

-- Which order each case serves, so that a case's events land in that order's trail.
CREATE TABLE query.case_order (
    case_id  UUID PRIMARY KEY,
    order_id UUID NOT NULL
);
