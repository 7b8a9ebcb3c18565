-- Each case's organisation (fixed when it is opened), so that the read of the cases that may serve no order takes
-- one organisation's only, instead of folding every organisation's at each overview and case list.
CREATE TABLE query.case_organisation (
    case_id         UUID PRIMARY KEY,
    organisation_id TEXT NOT NULL
);

-- Cases opened before this table: their organisation read from their CitizenCaseOpened in the store (one scan of the
-- store's table at the upgrade). On a new database the store's table may not exist yet when query-service migrates
-- first; then there is nothing to fill. An event whose payload cannot be read as JSON text, or names no
-- organisation, is passed over with a warning (the read then keeps its case, as before this table), rather than
-- stopping the service's start.
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
            INSERT INTO query.case_organisation (case_id, organisation_id)
            VALUES (CAST(opened.aggregateIdentifier AS uuid),
                    convert_from(opened.payload, 'UTF8')::json ->> 'organisationId')
            ON CONFLICT DO NOTHING;
        EXCEPTION
            WHEN OTHERS THEN
                RAISE WARNING 'The organisation of the case opened at global index % is not readable: %',
                    opened.globalIndex, SQLERRM;
        END;
    END LOOP;
END
$$;
