-- Rows as the tutorial's app writes them: flags filled in by the ORM, tag names and slugs in lower
-- case (its _get_or_create_tag and _generate_slug), emails as the users typed them, passwords as
-- passlib's CryptContext(schemes=["bcrypt"]) hashes them ($2b$, cost 12). The hashes are real:
-- made by passlib 1.7.4 with bcrypt 3.2.2, passwords in the comments.
-- Ids have gaps and every sequence is ahead of its largest id, as after deleting the newest rows:
-- Inkwell must keep the ids and never hand out one of the deleted ones again.

INSERT INTO users (id, username, email, hashed_password, full_name, is_active, is_superuser, bio, created_at, updated_at) VALUES
	-- analytical-engine
	(1, 'ada', 'Ada.Lovelace@Example.COM', '$2b$12$ZqQomoCxx9HpYFKdJQS/9u3L06y99FpFaEPLN..DaR4K3OVmGcpSu', 'Ada Lovelace', true, true, 'Wrote the first program.', '2024-01-02 09:00:00+00', '2024-01-02 09:00:00+00'),
	-- cobol-forever
	(2, 'grace', 'Grace.Hopper@NAVY.mil', '$2b$12$FGTTgGEE/cdZpMwld1kMVuJB4q.gOT/.fnfQPghHaSdHMpgTkCE5y', 'Grace Hopper', true, false, NULL, '2024-01-03 09:00:00+00', '2024-02-01 12:00:00+00'),
	-- plankalkul-1945 (deactivated)
	(3, 'konrad', 'konrad@z3.example', '$2b$12$.Sf3qbLs5K.QG7BoqgamGe9fUoT6bw9UVA7JYBAIAiQFAf56vpTrW', NULL, false, false, NULL, '2024-01-04 09:00:00+00', '2024-01-04 09:00:00+00'),
	-- lambda-calculus
	(5, 'Alonzo', 'Alonzo@Princeton.EDU', '$2b$12$u/CG6h1jsnEZTarKKl7kgOaBIFxfXuWHoKTQ/wAUoKSQzhO3Wqh8m', 'Alonzo Church', true, false, 'Invented the lambda calculus.', '2024-01-05 09:00:00+00', '2024-01-05 09:00:00+00');
SELECT setval('users_id_seq', 9);

INSERT INTO tags (id, name, slug, color, created_at) VALUES
	(1, 'postgresql', 'postgresql', '#336791', '2024-01-10 10:00:00+00'),
	(2, 'python', 'python', '#6b7280', '2024-01-10 10:01:00+00'),
	(4, 'history', 'history', '#aa3311', '2024-01-10 10:02:00+00');
SELECT setval('tags_id_seq', 6);

INSERT INTO posts (id, title, slug, content, excerpt, published, published_at, author_id, created_at, updated_at) VALUES
	(1, 'Notes on the Analytical Engine', 'notes-on-the-analytical-engine',
		'The engine weaves algebraical patterns just as the Jacquard loom weaves flowers and leaves.',
		'Note G, and what an engine could compute.', true, '2024-01-12 08:00:00+00', 1, '2024-01-11 08:00:00+00', '2024-01-12 08:00:00+00'),
	-- created with published=True: the tutorial's create() never sets published_at, only publish() does
	(2, 'Compilers for everyone', 'compilers-for-everyone',
		'A compiler lets people write programs in words instead of octal codes.',
		NULL, true, NULL, 2, '2024-01-13 08:00:00+00', '2024-01-13 08:00:00+00'),
	(4, 'The Z3, a draft', 'the-z3-a-draft', 'Relays, floating point and a punched film.', NULL,
		false, NULL, 3, '2024-01-14 08:00:00+00', '2024-01-14 08:00:00+00'),
	(5, 'Lambda calculus, gently', 'lambda-calculus-gently', 'Functions all the way down.', NULL,
		false, NULL, 5, '2024-01-15 08:00:00+00', '2024-01-15 08:00:00+00'),
	(7, 'Debugging the Mark II', 'debugging-the-mark-ii',
		'We found a moth in relay 70 of panel F and taped it into the log book.',
		'The first actual case of a bug being found.', true, '2024-01-16 10:00:00+00', 2, '2024-01-16 08:00:00+00', '2024-01-16 10:00:00+00');
SELECT setval('posts_id_seq', 8);

INSERT INTO post_tags (post_id, tag_id) VALUES (1, 4), (1, 1), (2, 2), (5, 2), (7, 4), (7, 1);

INSERT INTO comments (id, content, post_id, author_id, created_at, updated_at) VALUES
	(1, 'A wonderful read.', 1, 2, '2024-01-12 09:00:00+00', '2024-01-12 09:00:00+00'),
	(2, 'Could it compute Bernoulli numbers for any n?', 1, 5, '2024-01-12 10:00:00+00', '2024-01-12 10:00:00+00'),
	(3, 'The moth is in the Smithsonian now.', 7, 1, '2024-01-16 11:00:00+00', '2024-01-16 11:00:00+00'),
	(6, 'Words instead of octal: yes please.', 2, 1, '2024-01-13 09:00:00+00', '2024-01-13 09:00:00+00');
SELECT setval('comments_id_seq', 9);
