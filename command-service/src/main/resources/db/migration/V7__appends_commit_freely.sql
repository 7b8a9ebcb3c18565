-- Appends no longer notify from inside their transaction (ADR 3): a transaction that calls pg_notify holds
-- PostgreSQL's global notify lock from its pre-commit until its commit record is flushed, so every appending
-- transaction committed after the one before it, one per WAL flush, whatever the number of writers. command-service
-- now notifies after its commits, from a transaction of its own (AppendNotifier).
DROP TRIGGER events_appended ON events.domain_event_entry;
DROP FUNCTION events.notify_events_appended();

-- The link's hash (V3), the same formula in PL/pgSQL: a LANGUAGE sql function called from the trigger was set up
-- and planned again in every transaction, which cost more than the hashing (a fifth of an append's throughput).
CREATE OR REPLACE FUNCTION events.chain_link_hash(previous BYTEA, e events.domain_event_entry) RETURNS BYTEA
    LANGUAGE plpgsql IMMUTABLE AS
$$
BEGIN
    RETURN sha256(previous
                      || sha256(convert_to(concat_ws(E'\n', e.chainOrderId::text, e.chainPosition::text,
                                                     e.globalIndex::text, e.eventIdentifier, e.aggregateIdentifier,
                                                     e.sequenceNumber::text, coalesce(e.type, ''), e.payloadType,
                                                     coalesce(e.payloadRevision, ''), e.timeStamp), 'UTF8'))
                      || sha256(e.payload)
                      || sha256(coalesce(e.metaData, ''::bytea)));
END
$$;

-- The chain trigger (V3), with less work per append and the same links: the order's id is read from the payload as
-- json (validated and scanned, not built into a jsonb value), the chain's head is locked first and only created
-- when it is missing (no speculative insert on every append), and the global index's sequence is named, not looked
-- up in the catalogue on every append.
CREATE OR REPLACE FUNCTION events.link_into_order_chain() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    chain_order UUID;
    head        events.order_chain%ROWTYPE;
BEGIN
    chain_order := (convert_from(NEW.payload, 'UTF8')::json ->> 'orderId')::uuid;
    IF chain_order IS NOT NULL THEN
        SELECT * INTO head FROM events.order_chain c WHERE c.order_id = chain_order FOR UPDATE;
        IF NOT FOUND THEN
            INSERT INTO events.order_chain (order_id, position, hash)
            VALUES (chain_order, 0, ''::bytea)
            ON CONFLICT DO NOTHING;
            SELECT * INTO head FROM events.order_chain c WHERE c.order_id = chain_order FOR UPDATE;
        END IF;
    END IF;
    IF NEW.globalIndex IS NULL THEN
        NEW.globalIndex := nextval('events.domain_event_entry_globalindex_seq'::regclass);
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
