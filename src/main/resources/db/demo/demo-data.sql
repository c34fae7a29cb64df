-- Demo content for exploring Inkwell (--inkwell.demo-data=true or the demo profile).
-- Idempotent: every insert skips what is already there, so it runs on every start.
-- All demo accounts share the password "inkwell-demo" (BCrypt hash below).

INSERT INTO users (username, email, hashed_password, full_name, bio, is_superuser)
VALUES ('admin', 'admin@inkwell.example', '$2a$10$gZyj5ZVwDLS5K.kQ/KHih.2a5zT2A2srXoPRT3JPrMwjw4yNOIiY2',
        'Ada Admin', 'Keeps the lights on.', true),
       ('alice', 'alice@inkwell.example', '$2a$10$gZyj5ZVwDLS5K.kQ/KHih.2a5zT2A2srXoPRT3JPrMwjw4yNOIiY2',
        'Alice Liddell', 'Writes about databases and the people who run them.', false),
       ('bob', 'bob@inkwell.example', '$2a$10$gZyj5ZVwDLS5K.kQ/KHih.2a5zT2A2srXoPRT3JPrMwjw4yNOIiY2',
        'Bob Builder', 'Backend engineer. GraphQL convert.', false),
       ('carol', 'carol@inkwell.example', '$2a$10$gZyj5ZVwDLS5K.kQ/KHih.2a5zT2A2srXoPRT3JPrMwjw4yNOIiY2',
        'Carol Danvers', 'Reads everything, comments on most of it.', false)
ON CONFLICT DO NOTHING;

INSERT INTO tags (name, slug, color)
VALUES ('PostgreSQL', 'postgresql', '#336791'),
       ('GraphQL', 'graphql', '#e10098'),
       ('Java', 'java', '#b07219'),
       ('Performance', 'performance', '#16a34a'),
       ('Writing', 'writing', '#6b7280')
ON CONFLICT DO NOTHING;

INSERT INTO posts (title, slug, content, excerpt, published, published_at, author_id, created_at)
SELECT p.title, p.slug, p.content, p.excerpt, p.published,
       CASE WHEN p.published THEN now() - p.age END, u.id, now() - p.age
FROM (VALUES
  ('alice', 'Indexes that pay for themselves', 'indexes-that-pay-for-themselves',
   'Every index costs writes. This post walks through choosing the ones that earn their keep: '
   || 'composite indexes in the order your queries filter, partial indexes for hot subsets, and '
   || 'GIN indexes for full-text search.',
   'How to pick PostgreSQL indexes that are worth their write cost.', true, interval '20 days'),
  ('alice', 'Running PostgreSQL backups you can restore', 'running-postgresql-backups-you-can-restore',
   'A backup you have never restored is a hope, not a backup. We set up base backups and WAL '
   || 'archiving, then practise a point-in-time restore on a scratch machine.',
   'Backups are only real once restored.', true, interval '12 days'),
  ('bob', 'Why we moved our API to GraphQL', 'why-we-moved-our-api-to-graphql',
   'Our mobile app made eleven REST calls to render one screen. With GraphQL and batched loading '
   || 'it makes one, and the server runs a fixed number of SQL statements however long the list is.',
   'Eleven round trips down to one.', true, interval '8 days'),
  ('bob', 'DataLoader in Java, explained', 'dataloader-in-java-explained',
   'java-dataloader collects the keys a query level asks for and loads them in one batch. '
   || 'Here is how Spring for GraphQL wires it up with @BatchMapping and BatchLoaderRegistry.',
   'Batching without the magic.', true, interval '3 days'),
  ('bob', 'Draft: subscriptions over websockets', 'draft-subscriptions-over-websockets',
   'Notes for a future post. Not ready for readers yet.', NULL, false, interval '1 day'),
  ('carol', 'Notes on writing every day', 'notes-on-writing-every-day',
   'Writing daily is less about discipline than about lowering the cost of starting. '
   || 'Keep a list of half-ideas and pick the smallest one.',
   'Lower the cost of starting.', true, interval '5 days'),
  ('carol', 'Unfinished: a reading list', 'unfinished-a-reading-list',
   'A draft reading list, still being sorted.', NULL, false, interval '2 hours')
) AS p(author, title, slug, content, excerpt, published, age)
JOIN users u ON u.username = p.author
ON CONFLICT DO NOTHING;

INSERT INTO post_tags (post_id, tag_id)
SELECT p.id, t.id
FROM (VALUES
  ('indexes-that-pay-for-themselves', 'postgresql'),
  ('indexes-that-pay-for-themselves', 'performance'),
  ('running-postgresql-backups-you-can-restore', 'postgresql'),
  ('why-we-moved-our-api-to-graphql', 'graphql'),
  ('why-we-moved-our-api-to-graphql', 'performance'),
  ('dataloader-in-java-explained', 'graphql'),
  ('dataloader-in-java-explained', 'java'),
  ('draft-subscriptions-over-websockets', 'graphql'),
  ('notes-on-writing-every-day', 'writing')
) AS l(post_slug, tag_slug)
JOIN posts p ON p.slug = l.post_slug
JOIN tags t ON t.slug = l.tag_slug
ON CONFLICT DO NOTHING;

INSERT INTO comments (content, post_id, author_id, created_at)
SELECT c.content, p.id, u.id, now() - c.age
FROM (VALUES
  ('indexes-that-pay-for-themselves', 'bob', 'The partial index trick cut our queue table scans to nothing.', interval '19 days'),
  ('indexes-that-pay-for-themselves', 'carol', 'Could you do a follow-up on BRIN indexes?', interval '18 days'),
  ('running-postgresql-backups-you-can-restore', 'bob', 'We found out the hard way. Restore drills every quarter now.', interval '11 days'),
  ('why-we-moved-our-api-to-graphql', 'alice', 'How do you keep query cost under control on a public endpoint?', interval '7 days'),
  ('why-we-moved-our-api-to-graphql', 'bob', 'Depth and cost limits, plus persisted queries for the mobile app.', interval '7 days'),
  ('why-we-moved-our-api-to-graphql', 'carol', 'Great write-up, sharing with my team.', interval '6 days'),
  ('dataloader-in-java-explained', 'alice', 'The per-parent pagination part is the bit most tutorials skip.', interval '2 days'),
  ('notes-on-writing-every-day', 'alice', 'The list of half-ideas is the trick for me too.', interval '4 days')
) AS c(post_slug, author, content, age)
JOIN posts p ON p.slug = c.post_slug
JOIN users u ON u.username = c.author
WHERE NOT EXISTS (
  SELECT 1 FROM comments existing
  WHERE existing.post_id = p.id AND existing.author_id = u.id AND existing.content = c.content
);
