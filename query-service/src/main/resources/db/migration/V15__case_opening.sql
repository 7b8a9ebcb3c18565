-- Each case's opening as the read side needs it: its organisation (V14) and now also the order it was opened for, so
-- that the leader's overview finds the open cases of the organisation's closed orders by this table and the links
-- (query.case_link) instead of reading every event of every closed order's chain at each read, which grew with the
-- organisation's closed orders' events over the years.
ALTER TABLE query.case_organisation RENAME TO case_opening;
ALTER TABLE query.case_opening RENAME CONSTRAINT case_organisation_pkey TO case_opening_pkey;
ALTER TABLE query.case_opening ADD COLUMN order_id UUID;
CREATE INDEX case_opening_by_order ON query.case_opening (order_id) WHERE order_id IS NOT NULL;

-- Cases opened before this column: the order read from their CitizenCaseOpened in the store (one scan of the store's
-- table at the upgrade), as V14 read their organisation. An opening whose order cannot be read is passed over with a
-- warning (the store's chain trigger reads the same field as a UUID, so such an opening was never a link of an
-- order's chain either: the cases of closed orders are what they were before).
DO
$$
DECLARE
    opened RECORD;
BEGIN
    IF to_regclass('events.domain_event_entry') IS NULL THEN
        RETURN;
    END IF;
    FOR opened IN
        SELECT d.globalIndex, d.aggregateIdentifier, d.payload
          FROM events.domain_event_entry d
         WHERE d.payloadType = 'dk.tilsynsspor.core.casework.CitizenCaseOpened'
    LOOP
        BEGIN
            UPDATE query.case_opening
               SET order_id = (convert_from(opened.payload, 'UTF8')::json ->> 'orderId')::uuid
             WHERE case_id = CAST(opened.aggregateIdentifier AS uuid);
        EXCEPTION
            WHEN OTHERS THEN
                RAISE WARNING 'The order of the case opened at global index % is not readable: %',
                    opened.globalIndex, SQLERRM;
        END;
    END LOOP;
END
$$;
