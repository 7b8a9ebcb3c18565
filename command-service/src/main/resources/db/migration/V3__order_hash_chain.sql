-- The tamper-evident trail (ADR 8). Every event that belongs to an order (the order's own events and those of
-- the cases serving it: each carries "orderId" in its payload) is linked into that order's hash chain by the
-- database itself, in the transaction that stores it, whoever the writer is:
--
--   hash(n) = sha256( hash(n-1) || sha256(header) || sha256(payload) || sha256(metaData) )
--   header  = orderId, n, globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType,
--             payloadRevision, timeStamp, each as text, joined by line feeds (none of them can hold one)
--
-- with hash(0) the empty byte string. query-service recomputes it from these rows (the verification route); the
-- rows keep the bytes exactly as stored, so crypto-shredding (destroying a key) leaves the chain intact.
--
-- The order's chain head (events.order_chain) is locked while an event is linked, and the global index is drawn
-- under that lock, so within one order the global index, the chain position and the commit order agree.

ALTER TABLE events.domain_event_entry
    ADD COLUMN chainOrderId  UUID,
    ADD COLUMN chainPosition BIGINT,
    ADD COLUMN chainHash     BYTEA;

CREATE UNIQUE INDEX domain_event_entry_chain ON events.domain_event_entry (chainOrderId, chainPosition);

CREATE TABLE events.order_chain (
    order_id UUID   PRIMARY KEY,
    position BIGINT NOT NULL,
    hash     BYTEA  NOT NULL
);

CREATE FUNCTION events.chain_link_hash(previous BYTEA, e events.domain_event_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT sha256(previous
                  || sha256(convert_to(concat_ws(E'\n', e.chainOrderId::text, e.chainPosition::text,
                                                 e.globalIndex::text, e.eventIdentifier, e.aggregateIdentifier,
                                                 e.sequenceNumber::text, coalesce(e.type, ''), e.payloadType,
                                                 coalesce(e.payloadRevision, ''), e.timeStamp), 'UTF8'))
                  || sha256(e.payload)
                  || sha256(coalesce(e.metaData, ''::bytea)))
$$;

-- Events stored before this migration are linked in the order they were stored.
DO
$$
    DECLARE
        stored      events.domain_event_entry%ROWTYPE;
        chain_order UUID;
        head        events.order_chain%ROWTYPE;
    BEGIN
        FOR stored IN SELECT * FROM events.domain_event_entry ORDER BY globalIndex
            LOOP
                chain_order := (convert_from(stored.payload, 'UTF8')::jsonb ->> 'orderId')::uuid;
                CONTINUE WHEN chain_order IS NULL;
                INSERT INTO events.order_chain (order_id, position, hash)
                VALUES (chain_order, 0, ''::bytea)
                ON CONFLICT DO NOTHING;
                SELECT * INTO head FROM events.order_chain c WHERE c.order_id = chain_order;
                stored.chainOrderId := chain_order;
                stored.chainPosition := head.position + 1;
                stored.chainHash := events.chain_link_hash(head.hash, stored);
                UPDATE events.domain_event_entry
                   SET chainOrderId = stored.chainOrderId, chainPosition = stored.chainPosition,
                       chainHash = stored.chainHash
                 WHERE globalIndex = stored.globalIndex;
                UPDATE events.order_chain c SET position = stored.chainPosition, hash = stored.chainHash
                 WHERE c.order_id = chain_order;
            END LOOP;
    END
$$;

-- The global index is drawn by the trigger (not a column default), after the order's chain head is locked.
ALTER TABLE events.domain_event_entry ALTER COLUMN globalIndex DROP DEFAULT;

CREATE FUNCTION events.link_into_order_chain() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    chain_order UUID;
    head        events.order_chain%ROWTYPE;
BEGIN
    chain_order := (convert_from(NEW.payload, 'UTF8')::jsonb ->> 'orderId')::uuid;
    IF chain_order IS NOT NULL THEN
        INSERT INTO events.order_chain (order_id, position, hash)
        VALUES (chain_order, 0, ''::bytea)
        ON CONFLICT DO NOTHING;
        SELECT * INTO head FROM events.order_chain c WHERE c.order_id = chain_order FOR UPDATE;
    END IF;
    IF NEW.globalIndex IS NULL THEN
        NEW.globalIndex := nextval(pg_get_serial_sequence('events.domain_event_entry', 'globalindex'));
    END IF;
    IF chain_order IS NOT NULL THEN
        NEW.chainOrderId := chain_order;
        NEW.chainPosition := head.position + 1;
        NEW.chainHash := events.chain_link_hash(head.hash, NEW);
        UPDATE events.order_chain c
           SET position = NEW.chainPosition, hash = NEW.chainHash
         WHERE c.order_id = chain_order;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER link_into_order_chain
    BEFORE INSERT ON events.domain_event_entry
    FOR EACH ROW
EXECUTE FUNCTION events.link_into_order_chain();
