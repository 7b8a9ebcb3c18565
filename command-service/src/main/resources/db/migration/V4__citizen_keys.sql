-- Crypto-shredding (ADR 9): the key of each case's personal data, in a table of its own. Events keep personal
-- texts sealed with it; forgetting the citizen sets the key to NULL in the transaction that stores the receipt
-- (CitizenForgotten). The row stays as a tombstone, so that no new key can ever be made for a forgotten case.
-- Both services read it (query-service to open what its read models show), only command-service writes it.
CREATE TABLE events.citizen_key (
    case_id      UUID        PRIMARY KEY,
    key          BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    forgotten_at TIMESTAMPTZ,
    CHECK ((key IS NULL) = (forgotten_at IS NOT NULL))
);
