-- The publications of orders that are up (published and not withdrawn), so that the inspector's work queue finds the
-- ended orders still published by this table instead of folding every closed order of the authority, with all its
-- events, at each visit: over the years the closed orders would be nearly all of them.
CREATE TABLE query.active_publication (
    publication_id UUID PRIMARY KEY,
    order_id       UUID NOT NULL
);
CREATE INDEX active_publication_by_order ON query.active_publication (order_id);

-- Publications made before this table: from the store's OrderPublished and OrderUnpublished, in the order stored (one
-- scan of the store's table at the upgrade). An event whose ids cannot be read is passed over with a warning: its
-- order's dossier shows the publication as before; only the work queue does not list it.
DO
$$
DECLARE
    stored RECORD;
    body   JSON;
BEGIN
    IF to_regclass('events.domain_event_entry') IS NULL THEN
        RETURN;
    END IF;
    FOR stored IN
        SELECT d.globalIndex, d.payloadType, d.payload
          FROM events.domain_event_entry d
         WHERE d.payloadType IN ('dk.tilsynsspor.core.order.OrderPublished',
                                 'dk.tilsynsspor.core.order.OrderUnpublished')
         ORDER BY d.globalIndex
    LOOP
        BEGIN
            body := convert_from(stored.payload, 'UTF8')::json;
            IF stored.payloadType = 'dk.tilsynsspor.core.order.OrderPublished' THEN
                INSERT INTO query.active_publication (publication_id, order_id)
                VALUES ((body ->> 'publicationId')::uuid, (body ->> 'orderId')::uuid)
                ON CONFLICT DO NOTHING;
            ELSE
                DELETE FROM query.active_publication WHERE publication_id = (body ->> 'publicationId')::uuid;
            END IF;
        EXCEPTION
            WHEN OTHERS THEN
                RAISE WARNING 'The publication stored at global index % is not readable: %', stored.globalIndex,
                    SQLERRM;
        END;
    END LOOP;
END
$$;
