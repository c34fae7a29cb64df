-- Rows written outside the ORM into legacy-nullable-flags.sql's columns: NULL where the ORM would
-- have written its default (is_active True, is_superuser False, published False, color "#6b7280").
UPDATE users SET is_active = NULL, is_superuser = NULL WHERE id = 2;
UPDATE users SET is_superuser = NULL WHERE id = 5;
UPDATE posts SET published = NULL WHERE id = 5;
UPDATE tags SET color = NULL WHERE id = 2;
