-- A row of the event table that Axon cannot turn into a message stops every reader of the store at that row: each
-- of query-service's processors fails to read past it, for ever, before any handler (and so before any dead-letter
-- queue, ADR 12) sees it. Seen with rows written by hand: Axon reads the metadata of every row (a NULL one throws)
-- and parses the time stamp as ISO-8601 with an offset (PostgreSQL's own text form of a timestamptz does not parse).
-- command-service always writes both (Axon's serializer writes "{}" for no metadata; ChainMirror copies Axon
-- Server's), so these constraints only refuse what would have been unreadable, whoever the writer is, before it
-- becomes an event.
--
-- Both are checks of new rows only (NOT VALID): rows stored before were all written by command-service, and a
-- table of years of events is not read again, under its lock, while the service starts. The time stamp's form is
-- that of Axon's DateTimeUtils.parseInstant: DateTimeFormatter.ISO_OFFSET_DATE_TIME, case-insensitive ('T', 'Z').
ALTER TABLE events.domain_event_entry
    ADD CONSTRAINT domain_event_entry_metadata_present CHECK (metaData IS NOT NULL) NOT VALID,
    ADD CONSTRAINT domain_event_entry_timestamp_iso_8601 CHECK (timeStamp ~*
        '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)$')
        NOT VALID;
