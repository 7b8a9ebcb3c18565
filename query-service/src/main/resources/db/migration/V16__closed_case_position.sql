-- Each closed case's closure by its place in the event stream (the global index of its CitizenCaseClosed), so that
-- "Mine sager" folds a professional's open cases and only the most recently closed ones at each visit, instead of
-- every case the professional was ever on, closed ones included, which over the years would be most of them.
ALTER TABLE query.closed_case ADD COLUMN closed_index BIGINT;

-- Cases closed before this column: the position read from their closure in the store (one scan of the store's
-- table at the upgrade, the events of one type). A closed case whose closure is not found there keeps no position
-- and is listed after those that have one.
DO
$$
BEGIN
    IF to_regclass('events.domain_event_entry') IS NULL THEN
        RETURN;
    END IF;
    UPDATE query.closed_case c
       SET closed_index = s.closed_index
      FROM (SELECT d.aggregateIdentifier AS case_id, max(d.globalIndex) AS closed_index
              FROM events.domain_event_entry d
             WHERE d.payloadType = 'dk.tilsynsspor.core.casework.CitizenCaseClosed'
             GROUP BY d.aggregateIdentifier) s
     WHERE s.case_id = CAST(c.case_id AS text);
END
$$;
