package dev.inkwell.user;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link UserQueryTest} with {@code INKWELL_EXECUTION=planned}: what the planned engine covers runs on it
 * (the rest falls back), and every assertion must hold all the same.
 */
@TestPropertySource(properties = "inkwell.execution=planned")
class PlannedUserQueryTest extends UserQueryTest {

}
