package dev.inkwell.graphql;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link GeneratedInputTest} on graphql-java ({@code INKWELL_EXECUTION=graphql-java}), the engine to go
 * back to: the suite itself runs on the default, planned, engine; the same generated inputs give no
 * INTERNAL_ERROR on either.
 */
@TestPropertySource(properties = "inkwell.execution=graphql-java")
class GraphqlJavaGeneratedInputTest extends GeneratedInputTest {

}
