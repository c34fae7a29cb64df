package dev.inkwell.startup;

import java.util.ArrayList;
import java.util.List;

import dev.inkwell.InkwellApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The prod profile refuses what is only fit for a developer machine, with a report saying what to change. */
class ProductionRefusalTest {

	private static final String SECRET = "--inkwell.auth.jwt-secret=a-test-secret-that-is-long-enough-for-hs256";

	private static final String TEST_DATABASE = System.getenv().getOrDefault("INKWELL_TEST_DB", "inkwell_test");

	@Test
	void refusesToGuessTheDatabase() {
		// Blank on the command line, so that DB_* variables in the environment do not count either.
		assertThat(refusal("--inkwell.database.url=", "--inkwell.database.host=", "--inkwell.database.username=",
				"--inkwell.database.password=")).contains("explicitly configured database");
		// A host alone would mean the default postgres/postgres credentials.
		assertThat(refusal("--inkwell.database.url=", "--inkwell.database.host=127.0.0.1",
				"--inkwell.database.username=", "--inkwell.database.password=")).contains("DB_USER and DB_PASSWORD");
	}

	@Test
	void refusesDemoData() {
		assertThat(refusal("--inkwell.database.url=", "--inkwell.database.host=127.0.0.1",
				"--inkwell.database.name=" + TEST_DATABASE, "--inkwell.database.username=postgres",
				"--inkwell.database.password=postgres", "--inkwell.demo-data=true"))
			.contains("Demo data").contains("prod");
	}

	/** Starts with the prod profile and returns the start-up problem's report. */
	private static String refusal(String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", SECRET));
		all.addAll(List.of(arguments));
		Throwable failure = catchThrowable(() -> {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(InkwellApplication.class)
				.profiles("prod")
				.run(all.toArray(String[]::new))) {
				// started: the assertion below fails
			}
		});
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StartupProblem problem) {
				return problem.getMessage() + " " + problem.action();
			}
		}
		throw new AssertionError("Inkwell started (or failed otherwise) under prod", failure);
	}

}
