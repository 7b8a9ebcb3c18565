-- In-app notifications (second round, part 3). A notification is addressed to an audience: the users of a role in
-- an authority or organisation (audience_role + audience_scope), or one user (audience_user). dedup_key makes each
-- notification once, also when the event is projected again or two instances sweep for reminders at once. Read marks
-- are per user, and survive a rebuild of the read models (which never empties these tables: they are what users were
-- told and what they read, not a projection of the events that could be recomputed).
CREATE TABLE query.notification (
    notification_id UUID          PRIMARY KEY,
    dedup_key       VARCHAR(300)  NOT NULL UNIQUE,
    audience_role   VARCHAR(32),
    audience_scope  VARCHAR(255),
    audience_user   VARCHAR(255),
    kind            VARCHAR(64)   NOT NULL,
    text            VARCHAR(2000) NOT NULL,
    order_id        UUID,
    case_id         UUID,
    created_at      TIMESTAMPTZ   NOT NULL,
    CHECK ((audience_role IS NOT NULL AND audience_scope IS NOT NULL) OR audience_user IS NOT NULL)
);
CREATE INDEX notification_by_audience ON query.notification (audience_role, audience_scope, created_at DESC);
CREATE INDEX notification_by_user ON query.notification (audience_user, created_at DESC);

CREATE TABLE query.notification_read (
    notification_id UUID         NOT NULL REFERENCES query.notification (notification_id),
    user_id         VARCHAR(255) NOT NULL,
    read_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (notification_id, user_id)
);

-- What the notifications need to know of each order and requirement: who imposed it on whom, and each
-- requirement's deadline and whether anything is still due (for the reminders 14, 7 and 1 days before).
CREATE TABLE query.notification_order (
    order_id        UUID         PRIMARY KEY,
    authority_id    VARCHAR(255) NOT NULL,
    organisation_id VARCHAR(255) NOT NULL,
    reference       VARCHAR(255) NOT NULL,
    response_due    DATE,
    ended           BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE TABLE query.notification_requirement (
    order_id       UUID         NOT NULL,
    requirement_id UUID         NOT NULL,
    number         INT          NOT NULL,
    title          VARCHAR(500) NOT NULL,
    deadline       DATE,
    done           BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (order_id, requirement_id)
);
CREATE INDEX notification_requirement_by_deadline ON query.notification_requirement (deadline) WHERE NOT done;

-- E-mail (when an SMTP server is configured): the registered address of each organisation and authority, the
-- address users gave in their token's email claim (and whether they opted out), and one delivery per notification
-- and address, retried with back-off until the server takes it; every attempt is kept.
CREATE TABLE query.party_contact (
    party    VARCHAR(32)  NOT NULL,
    party_id VARCHAR(255) NOT NULL,
    email    VARCHAR(254) NOT NULL,
    PRIMARY KEY (party, party_id)
);
CREATE TABLE query.user_contact (
    user_id   VARCHAR(255) PRIMARY KEY,
    role      VARCHAR(32)  NOT NULL,
    scope     VARCHAR(255) NOT NULL,
    email     VARCHAR(254),
    opted_out BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX user_contact_by_scope ON query.user_contact (role, scope);
CREATE TABLE query.mail_delivery (
    delivery_id     UUID         PRIMARY KEY,
    notification_id UUID         NOT NULL REFERENCES query.notification (notification_id),
    recipient       VARCHAR(254) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    UNIQUE (notification_id, recipient)
);
CREATE INDEX mail_delivery_due ON query.mail_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE TABLE query.mail_attempt (
    delivery_id  UUID          NOT NULL REFERENCES query.mail_delivery (delivery_id),
    attempted_at TIMESTAMPTZ   NOT NULL,
    error        VARCHAR(2000)
);
CREATE INDEX mail_attempt_by_delivery ON query.mail_attempt (delivery_id);
