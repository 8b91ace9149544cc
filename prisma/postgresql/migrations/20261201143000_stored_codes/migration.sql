-- Stored data holds codes, not French words: the pages, mails and exports name
-- them through the message catalogue in the reader's language.
-- (Data only, written by hand: the schema does not change. Plain SQL, the same on PostgreSQL.)

-- RFM segments (lib/rfm/segments.ts).
UPDATE "Response" SET "segment" = CASE "segment"
  WHEN 'Champions' THEN 'CHAMPIONS'
  WHEN 'Loyaux' THEN 'LOYAL'
  WHEN 'Potentiellement loyaux' THEN 'POTENTIAL_LOYALISTS'
  WHEN 'Nouveaux' THEN 'NEW'
  WHEN 'Prometteurs' THEN 'PROMISING'
  WHEN 'À surveiller' THEN 'NEEDS_ATTENTION'
  WHEN 'À risque' THEN 'AT_RISK'
  WHEN 'En hibernation' THEN 'HIBERNATING'
  WHEN 'Perdus' THEN 'LOST'
  ELSE "segment"
END
WHERE "segment" IN ('Champions', 'Loyaux', 'Potentiellement loyaux', 'Nouveaux', 'Prometteurs', 'À surveiller', 'À risque', 'En hibernation', 'Perdus');

-- Actors of the audit log that are not a member (lib/audit/actors.ts).
UPDATE "AuditLog" SET "actorLabel" = 'SYSTEM' WHERE "actorLabel" = 'système';
UPDATE "AuditLog" SET "actorLabel" = 'RESPONDENT' WHERE "actorLabel" = 'répondant';
UPDATE "AuditLog" SET "actorLabel" = 'PARENT' WHERE "actorLabel" = 'parent';
