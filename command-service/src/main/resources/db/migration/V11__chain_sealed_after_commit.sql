-- The order's hash chain (ADR 8) is sealed after the appends commit, in batches, instead of link by link inside each
-- appending transaction (ADR 28). Until now every append locked its order's chain head until its commit was
-- flushed and computed the link's four digests in a PL/pgSQL trigger, which cost the event table about a third of
-- its appends/s with 16 writers on two cores. Now the append only names its order (chainOrderId) and carries the id
-- of its transaction (appendTx); events.seal_order_chains() links the events whose transactions have ended, in the
-- order of their transactions, many in one transaction. The formula of a link is unchanged, term by term; the links
-- move out of the event rows into events.chain_link, so sealing never rewrites an event's row.

-- The links stored so far, as they are: position and hash, found by order and position or by event.
CREATE TABLE events.chain_link (
    order_id     UUID   NOT NULL,
    position     BIGINT NOT NULL,
    global_index BIGINT NOT NULL UNIQUE,
    hash         BYTEA  NOT NULL,
    PRIMARY KEY (order_id, position)
);
INSERT INTO events.chain_link (order_id, position, global_index, hash)
SELECT chainOrderId, chainPosition, globalIndex, chainHash
  FROM events.domain_event_entry
 WHERE chainOrderId IS NOT NULL;

DROP TRIGGER link_into_order_chain ON events.domain_event_entry;
DROP FUNCTION events.link_into_order_chain();
DROP FUNCTION events.chain_link_hash(BYTEA, events.domain_event_entry);
DROP INDEX events.domain_event_entry_chain;
ALTER TABLE events.domain_event_entry
    DROP COLUMN chainPosition,
    DROP COLUMN chainHash,
    ADD COLUMN appendTx xid8; -- NULL for the events stored before, all of them linked above
-- new rows only: a volatile default given with ADD COLUMN would rewrite every stored row
ALTER TABLE events.domain_event_entry ALTER COLUMN appendTx SET DEFAULT pg_current_xact_id();
-- the global index from its sequence again (V3 had the trigger draw it under the head's lock)
ALTER TABLE events.domain_event_entry
    ALTER COLUMN globalIndex SET DEFAULT nextval('events.domain_event_entry_globalindex_seq'::regclass);

-- An order's events (its trail, ADR 24) in the order they were stored.
CREATE INDEX domain_event_entry_chain ON events.domain_event_entry (chainOrderId, globalIndex)
    WHERE chainOrderId IS NOT NULL;
-- The events to seal, in the order of their transactions.
CREATE INDEX domain_event_entry_to_seal ON events.domain_event_entry (appendTx, globalIndex)
    WHERE chainOrderId IS NOT NULL AND appendTx IS NOT NULL;

-- The append's only work for the chain: the order it belongs to, read from the payload as json (a payload that is
-- not JSON, or an orderId that is not a UUID, is refused, as before).
CREATE FUNCTION events.name_chain_order() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.chainOrderId := (convert_from(NEW.payload, 'UTF8')::json ->> 'orderId')::uuid;
    RETURN NEW;
END
$$;

CREATE TRIGGER name_chain_order
    BEFORE INSERT ON events.domain_event_entry
    FOR EACH ROW
EXECUTE FUNCTION events.name_chain_order();

-- The link of one event (V3's formula, term by term), for the checks that recompute a stored link.
CREATE FUNCTION events.chain_link_hash(previous BYTEA, link_position BIGINT, e events.domain_event_entry) RETURNS BYTEA
    LANGUAGE plpgsql IMMUTABLE AS
$$
BEGIN
    RETURN sha256(previous
                      || sha256(convert_to(concat_ws(E'\n', e.chainOrderId::text, link_position::text,
                                                     e.globalIndex::text, e.eventIdentifier, e.aggregateIdentifier,
                                                     e.sequenceNumber::text, coalesce(e.type, ''), e.payloadType,
                                                     coalesce(e.payloadRevision, ''), e.timeStamp), 'UTF8'))
                      || sha256(e.payload)
                      || sha256(coalesce(e.metaData, ''::bytea)));
END
$$;

-- How far sealing has come: the last sealed event, by its transaction and global index. One row; its lock makes
-- one sealer at a time, whichever instance calls.
CREATE TABLE events.chain_sealed (
    single       BOOLEAN PRIMARY KEY DEFAULT true CHECK (single),
    append_tx    xid8    NOT NULL,
    global_index BIGINT  NOT NULL
);
INSERT INTO events.chain_sealed (append_tx, global_index) VALUES ('0', 0);

-- Links up to max_links events whose transactions have ended, oldest transaction first, into their orders' chains;
-- answers how many it linked (max_links: more are waiting). An event is linked once its transaction id is below
-- the oldest transaction still running (the horizon): every transaction below it has committed or rolled back, so
-- no event can appear below the horizon later, and the events are taken in (transaction, global index) order past
-- the last one sealed. Each event is linked exactly once, with no wait for gaps and no timeout. Within an order,
-- positions follow that order: the events of one transaction keep their global index order; two transactions
-- appending to one order concurrently are linked in the order of their transaction ids.
CREATE FUNCTION events.seal_order_chains(max_links INT) RETURNS INT
    LANGUAGE plpgsql AS
$$
DECLARE
    mark          events.chain_sealed%ROWTYPE;
    horizon       xid8;
    e             RECORD;
    chain_order   UUID;
    head_position BIGINT;
    head_hash     BYTEA;
    last_tx       xid8;
    last_index    BIGINT;
    orders        UUID[]   := '{}';
    positions     BIGINT[] := '{}';
    indexes       BIGINT[] := '{}';
    hashes        BYTEA[]  := '{}';
    head_orders   UUID[]   := '{}';
    head_pos      BIGINT[] := '{}';
    head_hashes   BYTEA[]  := '{}';
BEGIN
    -- nothing to seal: answered without the lock (which would write to the row at every call of an idle store)
    SELECT * INTO mark FROM events.chain_sealed;
    horizon := pg_snapshot_xmin(pg_current_snapshot());
    IF NOT EXISTS (SELECT 1
                     FROM events.domain_event_entry d
                    WHERE d.chainOrderId IS NOT NULL AND d.appendTx IS NOT NULL
                      AND (d.appendTx, d.globalIndex) > (mark.append_tx, mark.global_index)
                      AND d.appendTx < horizon) THEN
        RETURN 0;
    END IF;
    SELECT * INTO mark FROM events.chain_sealed FOR UPDATE; -- waits for another sealer's commit
    -- taken after the lock and before the read below, so the read sees every event below it
    horizon := pg_snapshot_xmin(pg_current_snapshot());
    last_tx := mark.append_tx;
    last_index := mark.global_index;
    FOR e IN
        WITH batch AS (SELECT d.*
                         FROM events.domain_event_entry d
                        WHERE d.chainOrderId IS NOT NULL AND d.appendTx IS NOT NULL
                          AND (d.appendTx, d.globalIndex) > (mark.append_tx, mark.global_index)
                          AND d.appendTx < horizon
                        ORDER BY d.appendTx, d.globalIndex
                        LIMIT max_links)
        SELECT * FROM batch ORDER BY chainOrderId, appendTx, globalIndex
        LOOP
            IF chain_order IS DISTINCT FROM e.chainOrderId THEN
                IF chain_order IS NOT NULL THEN
                    head_orders := head_orders || chain_order;
                    head_pos := head_pos || head_position;
                    head_hashes := head_hashes || head_hash;
                END IF;
                chain_order := e.chainOrderId;
                SELECT c.position, c.hash INTO head_position, head_hash
                  FROM events.order_chain c WHERE c.order_id = chain_order;
                IF NOT FOUND THEN
                    head_position := 0;
                    head_hash := ''::bytea;
                END IF;
            END IF;
            head_position := head_position + 1;
            -- = events.chain_link_hash(head_hash, head_position, e)
            head_hash := sha256(head_hash
                || sha256(convert_to(concat_ws(E'\n', e.chainOrderId::text, head_position::text,
                                               e.globalIndex::text, e.eventIdentifier, e.aggregateIdentifier,
                                               e.sequenceNumber::text, coalesce(e.type, ''), e.payloadType,
                                               coalesce(e.payloadRevision, ''), e.timeStamp), 'UTF8'))
                || sha256(e.payload)
                || sha256(coalesce(e.metaData, ''::bytea)));
            orders := orders || chain_order;
            positions := positions || head_position;
            indexes := indexes || e.globalIndex;
            hashes := hashes || head_hash;
            IF (e.appendTx, e.globalIndex) > (last_tx, last_index) THEN
                last_tx := e.appendTx;
                last_index := e.globalIndex;
            END IF;
        END LOOP;
    IF chain_order IS NULL THEN
        RETURN 0;
    END IF;
    head_orders := head_orders || chain_order;
    head_pos := head_pos || head_position;
    head_hashes := head_hashes || head_hash;
    INSERT INTO events.chain_link (order_id, position, global_index, hash)
    SELECT * FROM unnest(orders, positions, indexes, hashes);
    INSERT INTO events.order_chain AS c (order_id, position, hash)
    SELECT * FROM unnest(head_orders, head_pos, head_hashes)
    ON CONFLICT (order_id) DO UPDATE SET position = excluded.position, hash = excluded.hash;
    UPDATE events.chain_sealed SET append_tx = last_tx, global_index = last_index;
    RETURN cardinality(orders);
END
$$;
