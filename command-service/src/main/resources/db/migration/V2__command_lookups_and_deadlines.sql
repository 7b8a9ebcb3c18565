-- Lookups for rules that span aggregates, kept by a subscribing processor in the transaction that appends the
-- events (see LookupProjection).
CREATE TABLE command.order_lookup (
    order_id        UUID PRIMARY KEY,
    authority_id    VARCHAR(255) NOT NULL,
    organisation_id VARCHAR(255) NOT NULL,
    requirement_ids UUID[]       NOT NULL,
    closed          BOOLEAN      NOT NULL
);

CREATE TABLE command.insight_lookup (
    insight_id     UUID PRIMARY KEY,
    case_id        UUID NOT NULL,
    order_id       UUID NOT NULL,
    requirement_id UUID NOT NULL
);

-- db-scheduler's table (its PostgreSQL schema), holding the persistent deadlines of Axon's
-- DbSchedulerDeadlineManager: a requirement's deadline survives any restart of command-service.
CREATE TABLE command.scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON command.scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON command.scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON command.scheduled_tasks (priority DESC, execution_time ASC);

-- Answers already given to requests that carried an Idempotency-Key, per actor.
CREATE TABLE command.idempotent_request (
    actor_id     VARCHAR(255) NOT NULL,
    key          VARCHAR(255) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    status       INT,
    location     TEXT,
    body         TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (actor_id, key)
);
