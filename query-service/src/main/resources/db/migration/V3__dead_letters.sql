-- Events a projection could not handle, set aside by Axon's dead-letter queue (JdbcSequencedDeadLetterQueue) so that
-- the others go on: one row per event, in sequences per aggregate (a later event of the same aggregate waits behind
-- the failed one). The columns are Axon's GenericDeadLetterTableFactory's, with BYTEA for serialized data (never an
-- OID large object) and TEXT for the cause, which may be long.
CREATE TABLE query.dead_letter_entry (
    deadLetterIdentifier VARCHAR(255) NOT NULL,
    processingGroup      VARCHAR(255) NOT NULL,
    sequenceIdentifier   VARCHAR(255) NOT NULL,
    sequenceIndex        BIGINT       NOT NULL,
    messageType          VARCHAR(255) NOT NULL,
    eventIdentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadType          VARCHAR(255) NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255) NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         TEXT,
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT dead_letter_entry_sequence_index UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX dead_letter_entry_by_group ON query.dead_letter_entry (processingGroup);
CREATE INDEX dead_letter_entry_by_sequence ON query.dead_letter_entry (processingGroup, sequenceIdentifier);

-- An order imposed before dates were bounded may carry an issue date PostgreSQL cannot hold; it is listed without.
ALTER TABLE query.order_summary ALTER COLUMN issued_on DROP NOT NULL;
