package dev.inkwell.graphql;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link StatementCountTest} with {@code INKWELL_EXECUTION=planned}: what the planned engine covers runs on it
 * (the rest falls back), and every assertion must hold all the same.
 */
@TestPropertySource(properties = "inkwell.execution=planned")
class PlannedStatementCountTest extends StatementCountTest {

}
