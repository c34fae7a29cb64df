package dev.inkwell.tag;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link TagQueryTest} with {@code INKWELL_EXECUTION=planned}: what the planned engine covers runs on it
 * (the rest falls back), and every assertion must hold all the same.
 */
@TestPropertySource(properties = "inkwell.execution=planned")
class PlannedTagQueryTest extends TagQueryTest {

}
