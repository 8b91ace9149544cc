-- The consent ledger is proof: records are never updated or deleted.
-- (PostgreSQL twin: a BEFORE UPDATE OR DELETE trigger raising an exception.)
CREATE TRIGGER "ConsentRecord_no_update" BEFORE UPDATE ON "ConsentRecord"
BEGIN
  SELECT RAISE(ABORT, 'ConsentRecord is append-only');
END;

CREATE TRIGGER "ConsentRecord_no_delete" BEFORE DELETE ON "ConsentRecord"
BEGIN
  SELECT RAISE(ABORT, 'ConsentRecord is append-only');
END;
