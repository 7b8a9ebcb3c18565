-- The home organisation of each professional put on a team (second round, part 4: the leaders of a professional's
-- own organisation see the part they take on another organisation's cases). Null where the assignment named none:
-- the professional is of the case's own organisation.
ALTER TABLE query.case_assignment ADD COLUMN home_organisation_id VARCHAR(255);
CREATE INDEX case_assignment_by_home_organisation ON query.case_assignment (home_organisation_id, case_id)
    WHERE home_organisation_id IS NOT NULL;

-- Assignments projected before this column: their home organisation read from their events in the store (the
-- assignment's row is keyed by its event's global index). On a new database the store's table may not exist yet
-- when query-service migrates first; then there is nothing projected to fill either. An event whose payload cannot
-- be read as JSON text is left as it is (null: the case's own organisation) with a warning, rather than stopping
-- the service's start.
DO
$$
DECLARE
    assignment RECORD;
BEGIN
    IF to_regclass('events.domain_event_entry') IS NULL THEN
        RETURN;
    END IF;
    FOR assignment IN
        SELECT a.global_index, d.payload
          FROM query.case_assignment a
          JOIN events.domain_event_entry d ON d.globalIndex = a.global_index
         WHERE d.payloadType = 'dk.tilsynsspor.core.casework.ProfessionalAssignedToCase'
    LOOP
        BEGIN
            UPDATE query.case_assignment
               SET home_organisation_id = left(convert_from(assignment.payload, 'UTF8')::json ->> 'homeOrganisationId',
                                               255)
             WHERE global_index = assignment.global_index;
        EXCEPTION
            WHEN OTHERS THEN
                RAISE WARNING 'The home organisation of the assignment at global index % is not readable: %',
                    assignment.global_index, SQLERRM;
        END;
    END LOOP;
END
$$;
