-- Every closed case, not only those V12 found: the reads of cases that may serve no order and of the open cases of
-- closed orders leave out the cases this table names, so on a database projected before V12 a case closed then,
-- with nobody of another organisation on its team, was folded at every such read only for the fold to drop it.
-- One scan of the store's table at the upgrade (the store has no index by event type); on a new database the
-- store's table may not exist yet when query-service migrates first, and then there is nothing to find.
DO
$$
BEGIN
    IF to_regclass('events.domain_event_entry') IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO query.closed_case (case_id)
    SELECT DISTINCT CAST(d.aggregateIdentifier AS uuid)
      FROM events.domain_event_entry d
     WHERE d.payloadType = 'dk.tilsynsspor.core.casework.CitizenCaseClosed'
       AND d.aggregateIdentifier ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    ON CONFLICT DO NOTHING;
END
$$;
