-- "Mine sager": the cases a professional was ever assigned to, found without reading every trail.
CREATE INDEX order_event_assignments ON query.order_event ((payload ->> 'professionalId'))
    WHERE event_type = 'ProfessionalAssignedToCase';
