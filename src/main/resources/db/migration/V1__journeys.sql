-- Handoff's own journey index: the embedded Temporal server cannot list workflows, and listing and
-- aggregating decisions is a product feature anyway. Written only by the idempotent projection.
CREATE TABLE journeys (
  journey_id      VARCHAR(200) NOT NULL PRIMARY KEY,
  conversation_id VARCHAR(200) NOT NULL,
  stage           VARCHAR(20)  NOT NULL,
  channel         VARCHAR(30),
  language        VARCHAR(16),
  intent          VARCHAR(100),
  ticket_id       VARCHAR(100),
  priority        VARCHAR(20),
  sla_breached    BOOLEAN      NOT NULL DEFAULT FALSE,
  routing_agree   BOOLEAN,
  view_json       TEXT         NOT NULL,
  version         BIGINT       NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX journeys_stage_idx ON journeys (stage);
CREATE INDEX journeys_intent_idx ON journeys (intent);
CREATE INDEX journeys_language_idx ON journeys (language);
CREATE INDEX journeys_created_idx ON journeys (created_at, journey_id);

CREATE TABLE journey_timeline (
  journey_id VARCHAR(200) NOT NULL,
  seq        BIGINT       NOT NULL,
  at         TIMESTAMP WITH TIME ZONE NOT NULL,
  step       VARCHAR(100) NOT NULL,
  text       TEXT,
  trace_json TEXT,
  PRIMARY KEY (journey_id, seq)
);

CREATE TABLE routing_decisions (
  journey_id  VARCHAR(200) NOT NULL,
  router      VARCHAR(10)  NOT NULL,
  decision_no INT          NOT NULL,
  intent      VARCHAR(100),
  group_name  VARCHAR(100),
  handoff     VARCHAR(30),
  confidence  DOUBLE PRECISION,
  language    VARCHAR(16),
  channel     VARCHAR(30),
  priority    VARCHAR(20),
  active      BOOLEAN      NOT NULL,
  latency_ms  BIGINT,
  cost_usd    DOUBLE PRECISION,
  decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (journey_id, router, decision_no)
);
