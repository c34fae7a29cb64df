package dev.inkwell.database;

import java.net.ConnectException;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** How failures, as the driver, the pool and Spring wrap them, are told apart. */
class DatabaseFailureTest {

	@Test
	void postgresqlErrorCodesDecideWhateverWrapsThem() {
		assertThat(DatabaseFailure.of(springWrapped(new R2dbcNonTransientResourceException(
				"canceling statement due to statement timeout", "57014")))).isEqualTo(DatabaseFailure.TIMED_OUT);
		assertThat(DatabaseFailure.of(springWrapped(new R2dbcNonTransientResourceException(
				"terminating connection due to administrator command", "57P01")))).isEqualTo(DatabaseFailure.UNAVAILABLE);
		assertThat(DatabaseFailure.of(springWrapped(new R2dbcNonTransientResourceException(
				"the database system is starting up", "57P03")))).isEqualTo(DatabaseFailure.UNAVAILABLE);
		assertThat(DatabaseFailure.of(springWrapped(new R2dbcNonTransientResourceException(
				"sorry, too many clients already", "53300")))).isEqualTo(DatabaseFailure.UNAVAILABLE);
	}

	@Test
	void thePoolsAcquireTimeoutMeansBusy() {
		assertThat(DatabaseFailure.of(springWrapped(
				new R2dbcTimeoutException("Connection acquisition timed out after 2000ms")))).isEqualTo(DatabaseFailure.BUSY);
	}

	@Test
	void aRefusedConnectionMeansUnavailable() {
		assertThat(DatabaseFailure.of(springWrapped(new R2dbcNonTransientResourceException("Cannot connect",
				new ConnectException("Connection refused"))))).isEqualTo(DatabaseFailure.UNAVAILABLE);
	}

	@Test
	void requestErrorsAndBugsAreNotDatabaseTrouble() {
		assertThat(DatabaseFailure.of(new DataIntegrityViolationException("duplicate",
				new R2dbcDataIntegrityViolationException("duplicate key", "23505")))).isNull();
		assertThat(DatabaseFailure.of(new DataAccessResourceFailureException("x",
				new R2dbcBadGrammarException("relation \"nope\" does not exist", "42P01")))).isNull();
		assertThat(DatabaseFailure.of(new IllegalStateException("a bug"))).isNull();
	}

	private static DataAccessResourceFailureException springWrapped(Exception cause) {
		return new DataAccessResourceFailureException("Failed to obtain R2DBC Connection", cause);
	}

}
