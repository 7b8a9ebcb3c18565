-- Tokens of command-service's streaming processors: with Axon Server, the lookups' repair (LookupRepair) reads Axon
-- Server's stream and keeps its place here, committed with what it writes. Axon's JdbcTokenStore table, bytea token
-- (never an OID large object).
CREATE TABLE command.token_entry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);
