-- Ground truth for the routing comparison: what the humans finally did with each journey's ticket.
CREATE TABLE routing_outcomes (
  journey_id           VARCHAR(200) NOT NULL PRIMARY KEY,
  active_router        VARCHAR(10),
  initial_group        VARCHAR(100),
  final_group          VARCHAR(100),
  final_priority       VARCHAR(20),
  rerouted             BOOLEAN NOT NULL DEFAULT FALSE,
  reopened             BOOLEAN NOT NULL DEFAULT FALSE,
  handed_off           BOOLEAN NOT NULL DEFAULT FALSE,
  ticket_created_at    TIMESTAMP WITH TIME ZONE,
  first_human_reply_at TIMESTAMP WITH TIME ZONE,
  sla_breached         BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
