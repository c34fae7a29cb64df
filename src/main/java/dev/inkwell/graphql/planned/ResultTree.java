package dev.inkwell.graphql.planned;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * The values a planned run completes, kept as flat arrays per object and written straight into the
 * response's JSON by Jackson (they are {@link JacksonSerializable}): no map or list is built per
 * object, and no serializer is looked up per value. Null bubbling is decided on the way: an object
 * with a null in a non-null field is itself null, up to the nearest nullable position.
 */
final class ResultTree {

	/** A value that is null in a non-null position: its parent becomes null in turn. */
	static final Object INVALID = new Object();

	private ResultTree() {
	}

	/**
	 * The operation's {@code data}: a map of the root fields (what interceptors look at), whose
	 * values write themselves; null when a non-null root field is null.
	 */
	static Map<String, Object> data(ResultObject root) {
		if (root.invalid()) {
			return null;
		}
		Map<String, Object> data = new LinkedHashMap<>(root.values.length * 2);
		for (int i = 0; i < root.values.length; i++) {
			data.put(root.fields.get(i).key(), isNull(root.values[i]) ? null : root.values[i]);
		}
		return data;
	}

	/** Whether a completed value is written as null: {@link #INVALID}, or an object or list that bubbled one up. */
	private static boolean isNull(Object value) {
		return value == INVALID || (value instanceof Composite composite && composite.invalid());
	}

	/** Writes a completed value: what Jackson's serializers write for it, nulls included. */
	private static void write(Object value, JsonGenerator generator, SerializationContext context) {
		if (value instanceof String text) {
			generator.writeString(text);
		}
		else if (value == null || isNull(value)) {
			generator.writeNull();
		}
		else if (value instanceof JacksonSerializable serializable) {
			serializable.serialize(generator, context);
		}
		else if (value instanceof Boolean flag) {
			generator.writeBoolean(flag);
		}
		else if (value instanceof Integer number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Long number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Double number) {
			generator.writeNumber(number);
		}
		else {
			context.writeValue(generator, value);
		}
	}

	/** An object or a list: it writes itself, and is null when a null it may not hold bubbled up into it. */
	abstract static sealed class Composite extends JacksonSerializable.Base permits ResultObject, ResultList {

		/** 0 not decided yet, 1 valid, 2 null because of a null in a non-null position in it. */
		private byte state;

		boolean invalid() {
			if (this.state == 0) {
				this.state = holdsInvalid() ? (byte) 2 : (byte) 1;
			}
			return this.state == 2;
		}

		abstract boolean holdsInvalid();

		@Override
		public void serializeWithType(JsonGenerator generator, SerializationContext context,
				TypeSerializer typeSerializer) {
			serialize(generator, context);
		}

	}

	/** An object's values by field, in selection order. */
	static final class ResultObject extends Composite {

		final List<Plan.Field> fields;

		final Object[] values;

		ResultObject(List<Plan.Field> fields) {
			this.fields = fields;
			this.values = new Object[fields.size()];
		}

		@Override
		boolean holdsInvalid() {
			for (int i = 0; i < this.values.length; i++) {
				if (isNull(this.values[i]) && this.fields.get(i).nonNull()) {
					return true;
				}
			}
			return false;
		}

		@Override
		public void serialize(JsonGenerator generator, SerializationContext context) {
			generator.writeStartObject();
			for (int i = 0; i < this.values.length; i++) {
				generator.writeName(this.fields.get(i).key());
				write(this.values[i], generator, context);
			}
			generator.writeEndObject();
		}

	}

	/** A list's items, and whether they may be null. */
	static final class ResultList extends Composite {

		final List<Object> items;

		final boolean itemsNonNull;

		ResultList(List<Object> items, boolean itemsNonNull) {
			this.items = items;
			this.itemsNonNull = itemsNonNull;
		}

		@Override
		boolean holdsInvalid() {
			if (this.itemsNonNull) {
				for (Object item : this.items) {
					if (isNull(item)) {
						return true;
					}
				}
			}
			return false;
		}

		@Override
		public void serialize(JsonGenerator generator, SerializationContext context) {
			generator.writeStartArray();
			for (Object item : this.items) {
				write(item, generator, context);
			}
			generator.writeEndArray();
		}

	}

}
