-- A search statement is planned with its words every time it runs, never from a cached generic plan.
--
-- The best plan depends on the words: for a common word the newest posts are walked until a page is
-- full (the benchmark's search: 0.7 ms), for a rare one the text index finds the few matches, which
-- are then sorted. After five executions of a prepared statement PostgreSQL may keep one generic
-- plan instead, costed for a made-up number of matches; for the benchmark's search it kept the index
-- plan, 3.8 ms, and whether it did turned on ANALYZE's random sample (search measured 761 requests/s
-- in one sitting, 278 in the next). plan_cache_mode = force_custom_plan would do this for every
-- statement, and cost the feed and the post page about a tenth of their throughput in planning.
--
-- PostReadStore matches CASE WHEN planned_with_its_words(:search) THEN search_vector END against the
-- query. A custom plan has the words as a constant: PostgreSQL evaluates this always-true function
-- while planning, and the condition becomes search_vector @@ query, as if the function were not
-- there. A generic plan has only a parameter, so the function stays, per row and at its declared
-- cost: no generic plan can look cheaper than planning afresh, and none is ever kept.
CREATE FUNCTION planned_with_its_words(words text) RETURNS boolean
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 1000000
	AS $$ BEGIN RETURN true; END $$;
