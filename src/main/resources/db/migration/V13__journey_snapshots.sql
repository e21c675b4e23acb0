-- The journey's workflow state as of its last projection (without its timeline, which is in
-- journey_timeline): a journey restored on the embedded default starts from it and replays only the
-- journal entries processed after it.
ALTER TABLE journeys ADD COLUMN snapshot_json TEXT;
