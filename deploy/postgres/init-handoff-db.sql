-- Handoff's own database beside Temporal's, in the compose PostgreSQL.
CREATE USER handoff WITH PASSWORD 'handoff';
CREATE DATABASE handoff OWNER handoff;
