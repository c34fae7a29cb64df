package dev.inkwell.graphql;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link StatementCountTest} on graphql-java ({@code INKWELL_EXECUTION=graphql-java}), the engine to go
 * back to: the suite itself runs on the default, planned, engine, and every assertion must hold on
 * both.
 */
@TestPropertySource(properties = "inkwell.execution=graphql-java")
class GraphqlJavaStatementCountTest extends StatementCountTest {

	@Override
	int authorStatementsAtMost() {
		return 2;
	}

}
