-- The event store, shared with query-service (which only reads it). Table shape as Axon's
-- PostgresEventTableFactory makes it: bytea blobs, never OID large objects; a BIGSERIAL global index whose
-- sequence hands out one value at a time, safe for any number of concurrent writers. Column names are
-- Axon's defaults (camelCase, folded to lower case by PostgreSQL), so both services use Axon's EventSchema as is.
CREATE SCHEMA IF NOT EXISTS events;

CREATE TABLE events.domain_event_entry (
    globalIndex          BIGSERIAL    NOT NULL,
    aggregateIdentifier  VARCHAR(255) NOT NULL,
    sequenceNumber       BIGINT       NOT NULL,
    type                 VARCHAR(255),
    eventIdentifier      VARCHAR(255) NOT NULL,
    metaData             BYTEA,
    payload              BYTEA        NOT NULL,
    payloadRevision      VARCHAR(255),
    payloadType          VARCHAR(255) NOT NULL,
    timeStamp            VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalIndex),
    UNIQUE (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

CREATE TABLE events.snapshot_event_entry (
    aggregateIdentifier  VARCHAR(255) NOT NULL,
    sequenceNumber       BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    eventIdentifier      VARCHAR(255) NOT NULL,
    metaData             BYTEA,
    payload              BYTEA        NOT NULL,
    payloadRevision      VARCHAR(255),
    payloadType          VARCHAR(255) NOT NULL,
    timeStamp            VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

-- Readers (query-service) LISTEN on this channel instead of polling: PostgreSQL delivers the notification when
-- the appending transaction commits, which is exactly when the new events become visible.
CREATE FUNCTION events.notify_events_appended() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('tilsynsspor_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER events_appended
    AFTER INSERT ON events.domain_event_entry
    FOR EACH STATEMENT
EXECUTE FUNCTION events.notify_events_appended();
