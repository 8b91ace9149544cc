-- A birth date is its own question type (BIRTH_DATE) instead of a date question
-- with a tick ({"birthDate":true} in its validation JSON): the age checks, the
-- minors' rules, the contact record and the exports read the type.
-- (Data only, written by hand: the schema does not change. Plain SQL, the same on PostgreSQL.)
UPDATE "Question" SET "type" = 'BIRTH_DATE', "validation" = CASE WHEN "validation" = '{"birthDate":true}' THEN '{}' ELSE "validation" END
WHERE "type" = 'DATE' AND "validation" LIKE '%"birthDate":true%';
