package dev.inkwell.graphql;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link GeneratedInputTest} with {@code INKWELL_EXECUTION=planned}: the same generated inputs, with
 * the read operations the planned engine covers run on it; no INTERNAL_ERROR there either.
 */
@TestPropertySource(properties = "inkwell.execution=planned")
class PlannedGeneratedInputTest extends GeneratedInputTest {

}
