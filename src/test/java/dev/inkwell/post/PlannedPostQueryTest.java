package dev.inkwell.post;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link PostQueryTest} with {@code INKWELL_EXECUTION=planned}: what the planned engine covers runs on it
 * (the rest falls back), and every assertion must hold all the same.
 */
@TestPropertySource(properties = "inkwell.execution=planned")
class PlannedPostQueryTest extends PostQueryTest {

}
