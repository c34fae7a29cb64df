package dev.inkwell.database;

import java.nio.file.Path;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseTargetTest {

	@Test
	void parsesTheUsualUrlIntoBothJdbcAndR2dbcForms() {
		DatabaseTarget target = DatabaseTarget.parse("postgresql://blog:s%40cret@db.internal:6543/blog?sslmode=require");
		assertThat(target.username()).isEqualTo("blog");
		assertThat(target.password()).isEqualTo("s@cret");
		assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/blog?sslmode=require");
		ConnectionFactoryOptions options = target.r2dbcOptions();
		assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db.internal");
		assertThat(options.getValue(ConnectionFactoryOptions.PORT)).isEqualTo(6543);
		assertThat(options.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("blog");
		assertThat(options.getValue(ConnectionFactoryOptions.PASSWORD)).isEqualTo("s@cret");
		assertThat(options.getValue(Option.valueOf("sslMode"))).isEqualTo("require");
		assertThat(target.toString()).doesNotContain("s@cret");
	}

	@Test
	void fillsDefaultsForWhatTheUrlLeavesOut() {
		DatabaseTarget target = DatabaseTarget.parse("postgres://dbhost");
		assertThat(target.port()).isEqualTo(5432);
		assertThat(target.database()).isEqualTo("inkwell");
		assertThat(target.username()).isEqualTo("postgres");
	}

	@Test
	void acceptsJdbcUrlsWithCredentialsAsParameters() {
		DatabaseTarget target = DatabaseTarget.parse("jdbc:postgresql://h:5433/d?user=u&password=p");
		assertThat(target.username()).isEqualTo("u");
		assertThat(target.password()).isEqualTo("p");
		assertThat(target.parameters()).isEmpty();
		assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/d");
	}

	@Test
	void rejectsOtherSchemesAndUnsafeDatabaseNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseTarget.parse("mysql://h/d"))
			.withMessageContaining("postgresql://");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseTarget.parse("postgresql://h/d\";drop"));
	}

	@Test
	void separateSettingsOverrideTheUrlAndTheNameOverrideWins() {
		DatabaseProperties properties = new DatabaseProperties("postgresql://u:p@h:1111/fromurl", null, 2222,
				"inkwell_test", null, null, null);
		assertThat(properties.configured()).isTrue();
		DatabaseTarget target = properties.target();
		assertThat(target.port()).isEqualTo(2222);
		assertThat(target.database()).isEqualTo("inkwell_test");
		assertThat(target.username()).isEqualTo("u");
		assertThat(properties.embeddedDirectory()).isEqualTo(Path.of("data", "postgres"));
	}

	@Test
	void nothingConfiguredMeansLocalhostDefaults() {
		DatabaseProperties properties = new DatabaseProperties("", "", null, "", "", "", null);
		assertThat(properties.configured()).isFalse();
		assertThat(properties.target().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/inkwell");
	}

}
