package dev.inkwell.graphql.execution;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

import graphql.GraphQLContext;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inkwell's DateTime writes exactly what the library's would, for every value, or leaves it to it. */
class DateTimeScalarTest {

	private static final Coercing<?, ?> LIBRARY = ExtendedScalars.DateTime.getCoercing();

	private static final Coercing<?, ?> OURS = DateTimeScalar.INSTANCE.getCoercing();

	@Test
	void writesWhatTheLibraryWritesForRandomTimestampsAndOffsets() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int i = 0; i < 200_000; i++) {
			long second = random.nextLong(-62_135_596_800L * 2, 253_402_300_799L * 2);   // years -1970 to 19999
			int nano = switch (random.nextInt(4)) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1000;
				default -> random.nextInt(1_000_000_000);
			};
			int offsetSeconds = switch (random.nextInt(4)) {
				case 0 -> 0;
				case 1 -> random.nextInt(-18 * 60, 18 * 60 + 1) * 60;
				case 2 -> random.nextInt(-18 * 3600, 18 * 3600 + 1);
				default -> random.nextInt(-14, 15) * 3600;
			};
			OffsetDateTime value = OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano),
					ZoneOffset.ofTotalSeconds(offsetSeconds));
			assertThat(serialize(OURS, value)).as("seed %d, %s", seed, value).isEqualTo(serialize(LIBRARY, value));
		}
	}

	@Test
	void leavesOtherInputsToTheLibrary() {
		ZonedDateTime zoned = ZonedDateTime.of(2026, 12, 2, 7, 3, 5, 123_456_789, ZoneId.of("Asia/Kolkata"));
		assertThat(serialize(OURS, zoned)).isEqualTo(serialize(LIBRARY, zoned)).isEqualTo("2026-12-02T07:03:05.123+05:30");
		assertThat(serialize(OURS, "2026-12-02T07:03:05Z")).isEqualTo(serialize(LIBRARY, "2026-12-02T07:03:05Z"));
		assertThatThrownBy(() -> serialize(OURS, 42)).hasMessageContaining("Expected");
		assertThat(serialize(OURS, OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)))
			.isEqualTo("2026-01-02T03:04:05.000Z");
	}

	private static Object serialize(Coercing<?, ?> coercing, Object value) {
		return coercing.serialize(value, GraphQLContext.getDefault(), Locale.ROOT);
	}

}
