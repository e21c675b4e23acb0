-- Issue 15: an entry its journey recorded is marked, so a retry of its id, however many events later,
-- is answered as a duplicate without reaching the journey again.
ALTER TABLE journal ADD COLUMN delivered BOOLEAN DEFAULT FALSE NOT NULL;
