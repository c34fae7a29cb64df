package dev.inkwell.graphql.execution;

import java.time.OffsetDateTime;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * graphql-java-extended-scalars' {@code DateTime}, with its output written by hand for the
 * timestamps the database holds (years 0 to 9999, whole-minute offsets): {@code DateTimeFormatter}
 * was the largest allocation of a list of posts after the rows. Anything else, and all parsing,
 * is the library's own; {@code DateTimeScalarTest} holds the two outputs equal.
 */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar(ExtendedScalars.DateTime)
		.coercing(new FastCoercing())
		.build();

	private DateTimeScalar() {
	}

	/** {@code yyyy-MM-ddTHH:mm:ss.SSS} and {@code Z} or {@code ±HH:MM}; null when the library must format it. */
	static String format(OffsetDateTime value) {
		int year = value.getYear();
		int offset = value.getOffset().getTotalSeconds();
		if (year < 0 || year > 9999 || offset % 60 != 0) {
			return null;
		}
		char[] text = new char[(offset == 0) ? 24 : 29];
		digits(text, 0, year, 4);
		text[4] = '-';
		digits(text, 5, value.getMonthValue(), 2);
		text[7] = '-';
		digits(text, 8, value.getDayOfMonth(), 2);
		text[10] = 'T';
		digits(text, 11, value.getHour(), 2);
		text[13] = ':';
		digits(text, 14, value.getMinute(), 2);
		text[16] = ':';
		digits(text, 17, value.getSecond(), 2);
		text[19] = '.';
		digits(text, 20, value.getNano() / 1_000_000, 3);
		if (offset == 0) {
			text[23] = 'Z';
		}
		else {
			int minutes = Math.abs(offset) / 60;
			text[23] = (offset < 0) ? '-' : '+';
			digits(text, 24, minutes / 60, 2);
			text[26] = ':';
			digits(text, 27, minutes % 60, 2);
		}
		return new String(text);
	}

	private static void digits(char[] text, int at, int value, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

	private static final class FastCoercing implements Coercing<OffsetDateTime, String> {

		@SuppressWarnings("unchecked")
		private final Coercing<OffsetDateTime, String> library = (Coercing<OffsetDateTime, String>) ExtendedScalars.DateTime
			.getCoercing();

		@Override
		public String serialize(Object input, GraphQLContext context, Locale locale) throws CoercingSerializeException {
			String text = (input instanceof OffsetDateTime value) ? format(value) : null;
			return (text != null) ? text : this.library.serialize(input, context, locale);
		}

		@Override
		@Deprecated
		public String serialize(Object input) {
			return serialize(input, GraphQLContext.getDefault(), Locale.getDefault());
		}

		@Override
		public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale)
				throws CoercingParseValueException {
			return this.library.parseValue(input, context, locale);
		}

		@Override
		@Deprecated
		public OffsetDateTime parseValue(Object input) {
			return this.library.parseValue(input);
		}

		@Override
		public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) throws CoercingParseLiteralException {
			return this.library.parseLiteral(input, variables, context, locale);
		}

		@Override
		@Deprecated
		public OffsetDateTime parseLiteral(Object input) {
			return this.library.parseLiteral(input);
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return this.library.valueToLiteral(input, context, locale);
		}

		@Override
		@Deprecated
		public Value<?> valueToLiteral(Object input) {
			return this.library.valueToLiteral(input);
		}

	}

}
