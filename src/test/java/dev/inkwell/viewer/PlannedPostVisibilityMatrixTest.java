package dev.inkwell.viewer;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link PostVisibilityMatrixTest} with {@code INKWELL_EXECUTION=planned}: what the planned engine covers runs on it
 * (the rest falls back), and every assertion must hold all the same.
 */
@TestPropertySource(properties = "inkwell.execution=planned")
class PlannedPostVisibilityMatrixTest extends PostVisibilityMatrixTest {

}
