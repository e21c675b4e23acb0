-- Issue 10: an idempotent helpdesk write records its result, so a retried or restored step gets the
-- ticket as it was then, not as it is now.
ALTER TABLE ticket_idempotency_keys ADD COLUMN result_json TEXT;
