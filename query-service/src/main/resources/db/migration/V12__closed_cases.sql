-- The closed cases, so that a read that starts from the team assignments (the home organisation's overview: its
-- professionals on other organisations' cases) folds only the cases still open, not every case they were ever on.
CREATE TABLE query.closed_case (
    case_id UUID PRIMARY KEY
);

-- Cases closed before this table: from their events in the store, looked for by the store's index of an aggregate's
-- events among the cases anyone was put on as of another organisation (the only read that uses this table so far).
-- On a new database the store's table may not exist yet when query-service migrates first.
DO
$$
BEGIN
    IF to_regclass('events.domain_event_entry') IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO query.closed_case (case_id)
    SELECT DISTINCT a.case_id
      FROM query.case_assignment a
      JOIN events.domain_event_entry d ON d.aggregateIdentifier = a.case_id::text
     WHERE a.home_organisation_id IS NOT NULL
       AND d.payloadType = 'dk.tilsynsspor.core.casework.CitizenCaseClosed'
    ON CONFLICT DO NOTHING;
END
$$;
