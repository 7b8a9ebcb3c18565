-- The trail is read from the event store itself (ADR 24): an order's events are its hash chain (events.domain_event_entry
-- by chainOrderId), a case's are its aggregate's. The copy of every event (query.order_event) goes; what the store
-- cannot find by an index of its own is kept here, from the few events that say it, and filled from the copy below so
-- that a database upgraded in place needs no rebuild.

-- A case's earlier events are shown in each order it came to serve: those before its latest link to the order.
CREATE TABLE query.case_link (
    order_id  UUID         NOT NULL,
    case_id   VARCHAR(255) NOT NULL, -- as the store's aggregateIdentifier
    linked_at BIGINT       NOT NULL, -- the global index of the latest CaseLinkedToRequirements
    PRIMARY KEY (order_id, case_id)
);

-- "Mine sager" (the cases a professional was ever assigned to) and the professionals a leader's organisation has
-- put on a team before (the team form's suggestions): one row per assignment.
CREATE TABLE query.case_assignment (
    global_index    BIGINT       PRIMARY KEY,
    case_id         UUID         NOT NULL,
    professional_id VARCHAR(255) NOT NULL,
    organisation_id VARCHAR(255), -- the assigning leader's scope
    label           TEXT         NOT NULL -- name · discipline · home organisation, as entered
);
CREATE INDEX case_assignment_by_professional ON query.case_assignment (professional_id);
CREATE INDEX case_assignment_by_organisation ON query.case_assignment (organisation_id, professional_id, global_index);

-- The cases that may serve no order now: opened without one, or unlinked from requirements (whether they do is the
-- case fold's to say).
CREATE TABLE query.case_without_order (
    case_id UUID PRIMARY KEY
);

-- A forgotten citizen's case: personal texts of its events before the erasure read as erased, also those stored before
-- texts were sealed (which the append-only store keeps as they were).
CREATE TABLE query.forgotten_case (
    case_id      VARCHAR(255) PRIMARY KEY, -- as the store's aggregateIdentifier
    forgotten_at BIGINT       NOT NULL     -- the global index of CitizenForgotten
);

-- The events attaching and withdrawing an evidence document, found by the document's id.
CREATE TABLE query.document_event (
    document_id  VARCHAR(255) NOT NULL,
    global_index BIGINT       NOT NULL,
    order_id     UUID         NOT NULL,
    payload_type VARCHAR(255) NOT NULL,
    PRIMARY KEY (document_id, global_index)
);

INSERT INTO query.case_link (order_id, case_id, linked_at)
SELECT order_id, aggregate_id, max(global_index)
  FROM query.order_event
 WHERE event_type = 'CaseLinkedToRequirements' AND order_id = (payload ->> 'orderId')::uuid
 GROUP BY order_id, aggregate_id;

INSERT INTO query.case_assignment (global_index, case_id, professional_id, organisation_id, label)
SELECT DISTINCT ON (global_index) global_index, aggregate_id::uuid, payload ->> 'professionalId', actor_scope,
       concat_ws(' · ', payload ->> 'name', payload ->> 'discipline', payload ->> 'homeOrganisationId')
  FROM query.order_event
 WHERE event_type = 'ProfessionalAssignedToCase' AND payload ->> 'professionalId' IS NOT NULL
 ORDER BY global_index;

INSERT INTO query.case_without_order (case_id)
SELECT DISTINCT aggregate_id::uuid
  FROM query.order_event
 WHERE payload_type LIKE 'dk.tilsynsspor.core.casework.%'
   AND (order_id::text = aggregate_id OR event_type = 'CaseUnlinkedFromRequirements');

INSERT INTO query.forgotten_case (case_id, forgotten_at)
SELECT aggregate_id, min(global_index)
  FROM query.order_event
 WHERE event_type = 'CitizenForgotten'
 GROUP BY aggregate_id;

INSERT INTO query.document_event (document_id, global_index, order_id, payload_type)
SELECT DISTINCT ON (payload ->> 'documentId', global_index) payload ->> 'documentId', global_index,
       (payload ->> 'orderId')::uuid, payload_type
  FROM query.order_event
 WHERE event_type IN ('EvidenceDocumentAttached', 'EvidenceDocumentWithdrawn') AND payload ? 'documentId'
   AND payload ->> 'orderId' IS NOT NULL
 ORDER BY payload ->> 'documentId', global_index;

DROP TABLE query.order_event;
