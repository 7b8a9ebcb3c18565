-- The reminders also tell the authority when skærpet tilsyn's end is near; a learning session is told to the
-- case's whole team. What the notifications keep of each to know it.
ALTER TABLE query.notification_order ADD COLUMN escalated_until DATE;
CREATE TABLE query.notification_team (
    case_id        UUID         NOT NULL,
    professional_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (case_id, professional_id)
);
