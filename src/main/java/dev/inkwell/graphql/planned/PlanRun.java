package dev.inkwell.graphql.planned;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLContext;
import graphql.collect.ImmutableMapWithNullValues;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherResult;
import graphql.execution.DataLoaderDispatchStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStepInfoFactory;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.NonNullableFieldWasNullException;
import graphql.execution.ResolveType;
import graphql.execution.ResultPath;
import graphql.execution.ValuesResolver;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;
import dev.inkwell.graphql.planned.ResultTree.ResultList;
import dev.inkwell.graphql.planned.ResultTree.ResultObject;
import org.dataloader.DataLoader;

/**
 * Runs one {@link Plan} for one request, level by level. Every field of every object on a level
 * is completed in one pass: properties are read from the row, and fields with a fetcher of their
 * own (relations, counts, root fields) are asked of that fetcher for all their parents before the
 * request's DataLoaders are dispatched once, so each relation of a level is one batch call, one
 * statement, as on graphql-java. A relation that ends its branch (a post's author) is loaded with
 * the next level instead, so that it shares a statement with that level's loads of the same loader
 * (its comments' authors), as graphql-java's dispatch, which waits until no field can go on, does.
 * Values are kept in flat arrays and turned into the response in one pass at the end, which also
 * bubbles nulls out of non-null positions.
 * <p>
 * Errors are produced by the strategy's own exception handler with the field's environment and
 * added to the {@link ExecutionContext} the way graphql-java adds them, so they read the same.
 */
final class PlanRun {

	private static final ExecutionStepInfoFactory STEP_INFOS = new ExecutionStepInfoFactory();

	/** graphql-java's own type resolution (the schema's type resolvers), for values of Node fields. */
	private static final ResolveType RESOLVE_TYPE = new ResolveType();

	private final ExecutionContext context;

	private final ExecutionStrategyParameters parameters;

	private final DataFetcherExceptionHandler handler;

	private final Plan plan;

	private final GraphQLContext graphQlContext;

	/** Per plan field: the coerced arguments (they depend on the variables only). */
	private final Map<Plan.Field, ImmutableMapWithNullValues<String, Object>> arguments = new IdentityHashMap<>();

	/** Per plan field: the fetcher as the instrumentations wrap it (argument checks). */
	private final Map<Plan.Field, DataFetcher<?>> instrumented = new IdentityHashMap<>();

	/** Fields waiting for their fetcher's future; completed together once the level is dispatched. */
	private List<Waiting> level = new ArrayList<>();

	/** The level's batched fields, in the order they were met: each loads all its parents at once. */
	private List<Batch> batches = new ArrayList<>();

	private Map<Plan.Field, Batch> batchesByField = new IdentityHashMap<>();

	/** Batches held back to be loaded with the next level's ({@link Plan.Field#deferrable}). */
	private List<Batch> deferred = new ArrayList<>();

	/** Per batched plan field: the instrumentations' checks of its arguments (they wrap a fetcher). */
	private final Map<Plan.Field, DataFetcher<?>> argumentChecks = new IdentityHashMap<>();

	private static final Object ARGUMENTS_ACCEPTED = new Object();

	PlanRun(ExecutionContext context, ExecutionStrategyParameters parameters, DataFetcherExceptionHandler handler,
			Plan plan) {
		this.context = context;
		this.parameters = parameters;
		this.handler = handler;
		this.plan = plan;
		this.graphQlContext = context.getGraphQLContext();
	}

	CompletableFuture<ExecutionResult> run() {
		ExecutionStepInfo rootInfo = this.parameters.getExecutionStepInfo();
		ResultObject root = object(this.plan.rootType(), this.plan.fields(), this.parameters.getSource(),
				ResultPath::rootPath, () -> rootInfo);
		return drain().thenApply((done) -> {
			return new ExecutionResultImpl(ResultTree.data(root), this.context.getErrors());
		});
	}

	/** Dispatches the DataLoaders for the waiting fields, completes them, and goes on with the next level. */
	private CompletableFuture<Void> drain() {
		if (this.level.isEmpty() && this.batches.isEmpty() && this.deferred.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		if (this.context.getExecutionInput().isCancelled()) {
			// The client left or the request timed out: no further level is read (its statements stop too).
			return CompletableFuture.failedFuture(new AbortExecutionException("Execution has been asked to be cancelled"));
		}
		List<Waiting> waiting = this.level;
		this.level = new ArrayList<>();
		// A batch that ends its branch waits for the next level when there will be one.
		boolean nextLevel = waiting.stream().anyMatch((fetch) -> !fetch.field.endsBranch())
				|| this.batches.stream().anyMatch((batch) -> !batch.field.endsBranch());
		List<Batch> loading = this.deferred;
		this.deferred = new ArrayList<>();
		for (Batch batch : this.batches) {
			(nextLevel && batch.field.deferrable() ? this.deferred : loading).add(batch);
		}
		for (Batch batch : loading) {
			batch.load();
			waiting.add(batch);
		}
		this.batches = new ArrayList<>();
		this.batchesByField = new IdentityHashMap<>();
		this.context.getDataLoaderRegistry().dispatchAll();
		CompletableFuture<?>[] futures = new CompletableFuture<?>[waiting.size()];
		for (int i = 0; i < futures.length; i++) {
			futures[i] = waiting.get(i).value();
		}
		return CompletableFuture.allOf(futures).handle((ignored, failure) -> null).thenCompose((ignored) -> {
			for (Waiting done : waiting) {
				done.complete();
			}
			return drain();
		});
	}

	/**
	 * Completes an object's fields. Paths and step infos are made only when something needs them
	 * (an error, a fetcher's environment): graphql-java's {@code ResultPath} prints itself when it is
	 * made, and most fields are columns that need neither.
	 */
	private ResultObject object(GraphQLObjectType type, List<Plan.Field> fields, Object source,
			Supplier<ResultPath> path, Supplier<ExecutionStepInfo> info) {
		ResultObject result = new ResultObject(fields);
		for (int i = 0; i < fields.size(); i++) {
			Plan.Field field = fields.get(i);
			if (field.kind() == Plan.Kind.TYPENAME) {
				result.values[i] = type.getName();
				continue;
			}
			if (field.kind() == Plan.Kind.LIGHT && field.leaf() != null && column(result, i, field, source, path, info)) {
				continue;
			}
			Supplier<ResultPath> fieldPath = memo(() -> path.get().segment(field.key()));
			Supplier<ExecutionStepInfo> fieldInfo = memo(() -> fieldInfo(field, fieldPath.get(), info.get()));
			if (field.kind() == Plan.Kind.BATCHED) {
				this.batchesByField.computeIfAbsent(field, (key) -> {
					Batch batch = new Batch(key);
					this.batches.add(batch);
					return batch;
				}).parents.add(new BatchedParent(new Slot(result, i, fieldPath, fieldInfo), source));
				continue;
			}
			fetch(result, i, field, source, fieldPath, fieldInfo);
		}
		return result;
	}

	/**
	 * The common case, a column: read from the row and serialized at once. False when the value
	 * needs the general path (null, a future, a fetcher failure), which then fetches it again.
	 */
	private boolean column(ResultObject result, int index, Plan.Field field, Object source, Supplier<ResultPath> path,
			Supplier<ExecutionStepInfo> info) {
		Object value;
		try {
			value = ((LightDataFetcher<?>) field.fetcher()).get(field.definition(), source,
					() -> environment(field, source, () -> fieldInfo(field, path.get().segment(field.key()), info.get())));
		}
		catch (Exception ex) {
			return false;
		}
		value = this.context.getValueUnboxer().unbox(value);
		if (value == null || value instanceof CompletionStage<?> || value instanceof DataFetcherResult<?>) {
			return false;
		}
		result.values[index] = (field.leaf() instanceof GraphQLScalarType scalar)
				? scalar.getCoercing().serialize(value, this.graphQlContext, this.context.getLocale())
				: ((GraphQLEnumType) field.leaf()).serialize(value, this.graphQlContext, this.context.getLocale());
		return true;
	}

	/** Fetches one field of one object: now when it can, else when its level is dispatched. */
	private void fetch(ResultObject parent, int index, Plan.Field field, Object source, Supplier<ResultPath> path,
			Supplier<ExecutionStepInfo> info) {
		Supplier<DataFetchingEnvironment> environment = memo(() -> environment(field, source, info));
		Object value;
		try {
			value = switch (field.kind()) {
				case LIGHT -> ((LightDataFetcher<?>) field.fetcher()).get(field.definition(), source, environment);
				case TRIVIAL -> field.fetcher().get(environment.get());
				default -> instrumented(field, environment.get()).get(environment.get());
			};
		}
		catch (Exception ex) {
			value = CompletableFuture.failedFuture(ex);
		}
		if (value instanceof CompletionStage<?> stage) {
			CompletableFuture<Object> handled = reported(stage, environment);
			if (handled.isDone()) {
				fill(new Slot(parent, index, path, info), field, handled.join());
			}
			else {
				this.level.add(new Pending(new Slot(parent, index, path, info), field, handled));
			}
			return;
		}
		parent.values[index] = complete(field, field.type(), value, path, info);
	}

	/** Completes a fetched value into its place. */
	private void fill(Slot slot, Plan.Field field, Object fetched) {
		slot.object().values[slot.index()] = complete(field, field.type(), fetched, slot.path(), slot.info());
	}

	/** A fetch's or load's value, with a failure made into the handler's errors (and a null value). */
	private CompletableFuture<Object> reported(CompletionStage<?> value, Supplier<DataFetchingEnvironment> environment) {
		return value.toCompletableFuture()
			.handle((result, failure) -> (failure != null) ? failure(environment.get(), failure)
					: CompletableFuture.completedFuture((Object) result))
			.thenCompose((future) -> future);
	}

	/** The exception handler's errors for a failed fetch, added to the context; the value is null. */
	private CompletableFuture<Object> failure(DataFetchingEnvironment environment, Throwable failure) {
		DataFetcherExceptionHandlerParameters handlerParameters = DataFetcherExceptionHandlerParameters
			.newExceptionParameters()
			.dataFetchingEnvironment(environment)
			.exception(failure)
			.build();
		return this.handler.handleException(handlerParameters).thenApply((handled) -> {
			this.context.addErrors(handled.getErrors());
			return null;
		});
	}

	/** A fetched value made into its response form for the field's type; {@link ResultTree#INVALID} for a null that may not be. */
	private Object complete(Plan.Field field, GraphQLOutputType type, Object fetched, Supplier<ResultPath> path,
			Supplier<ExecutionStepInfo> info) {
		Object value = fetched;
		if (value instanceof DataFetcherResult<?> result) {
			this.context.addErrors(result.getErrors());
			value = result.getData();
		}
		value = this.context.getValueUnboxer().unbox(value);
		if (value == null) {
			if (GraphQLTypeUtil.isNonNull(type)) {
				NonNullableFieldWasNullException problem = new NonNullableFieldWasNullException(info.get(), path.get());
				this.context.addError(new NonNullableFieldWasNullError(problem), path.get());
				return ResultTree.INVALID;
			}
			return null;
		}
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		if (unwrapped instanceof GraphQLList list) {
			GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
			Iterable<?> items = (value instanceof Iterable<?> iterable) ? iterable
					: (value instanceof Object[] array) ? List.of(array) : List.of(value);
			List<Object> completed = new ArrayList<>();
			int i = 0;
			for (Object item : items) {
				int itemIndex = i++;
				Supplier<ResultPath> itemPath = memo(() -> path.get().segment(itemIndex));
				Supplier<ExecutionStepInfo> itemInfo = memo(
						() -> STEP_INFOS.newExecutionStepInfoForListElement(info.get(), itemPath.get()));
				completed.add(complete(field, itemType, item, itemPath, itemInfo));
			}
			return new ResultList(completed, GraphQLTypeUtil.isNonNull(itemType));
		}
		if (unwrapped instanceof GraphQLScalarType scalar) {
			return scalar.getCoercing().serialize(value, this.graphQlContext, this.context.getLocale());
		}
		if (unwrapped instanceof GraphQLEnumType enumType) {
			return enumType.serialize(value, this.graphQlContext, this.context.getLocale());
		}
		GraphQLObjectType objectType = (unwrapped instanceof GraphQLObjectType known) ? known
				: RESOLVE_TYPE.resolveType(this.context, field.merged(), value, info.get(), unwrapped,
						this.parameters.getLocalContext());
		return object(objectType, field.children(objectType), value, path, info);
	}

	private ExecutionStepInfo fieldInfo(Plan.Field field, ResultPath path, ExecutionStepInfo parent) {
		return ExecutionStepInfo.newExecutionStepInfo()
			.type(field.type())
			.fieldDefinition(field.definition())
			.fieldContainer(field.parentType())
			.field(field.merged())
			.path(path)
			.parentInfo(parent)
			.arguments(() -> arguments(field))
			.build();
	}

	private ImmutableMapWithNullValues<String, Object> arguments(Plan.Field field) {
		return this.arguments.computeIfAbsent(field,
				(key) -> ImmutableMapWithNullValues.copyOf(ValuesResolver.getArgumentValues(
						this.context.getGraphQLSchema().getCodeRegistry(), field.definition().getArguments(),
						field.merged().getSingleField().getArguments(), this.context.getCoercedVariables(),
						this.graphQlContext, this.context.getLocale())));
	}

	/** The environment graphql-java would give this field's fetcher. */
	private DataFetchingEnvironment environment(Plan.Field field, Object source, Supplier<ExecutionStepInfo> info) {
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(this.context)
			.source(source)
			.localContext(this.parameters.getLocalContext())
			.arguments(() -> arguments(field))
			.fieldDefinition(field.definition())
			.mergedField(field.merged())
			.fieldType(field.type())
			.executionStepInfo(info)
			.parentType(field.parentType())
			.selectionSet(DataFetchingFieldSelectionSetImpl.newCollector(this.context.getGraphQLSchema(), field.type(),
					() -> this.context.getNormalizedQueryTree()
						.get()
						.getNormalizedField(field.merged(), field.parentType(), info.get().getPath())))
			// This run dispatches the DataLoaders itself, once per level.
			.dataLoaderDispatchStrategy(DataLoaderDispatchStrategy.NO_OP)
			.build();
	}

	/** The field's fetcher as the instrumentations wrap it (e.g. the text checks on arguments). */
	private DataFetcher<?> instrumented(Plan.Field field, DataFetchingEnvironment environment) {
		DataFetcher<?> fetcher = this.instrumented.get(field);
		if (fetcher == null) {
			InstrumentationFieldFetchParameters fetchParameters = new InstrumentationFieldFetchParameters(
					this.context, () -> environment, this.parameters, false);
			fetcher = this.context.getInstrumentation()
				.instrumentDataFetcher(field.fetcher(), fetchParameters, this.context.getInstrumentationState());
			this.instrumented.put(field, fetcher);
		}
		return fetcher;
	}

	private static <T> Supplier<T> memo(Supplier<T> supplier) {
		return new Supplier<>() {

			private T value;

			@Override
			public T get() {
				if (this.value == null) {
					this.value = supplier.get();
				}
				return this.value;
			}

		};
	}

	/** What a level waits for before its fields are completed: a field, for one parent or for all of a level's. */
	private abstract static class Waiting {

		final Plan.Field field;

		Waiting(Plan.Field field) {
			this.field = field;
		}

		abstract CompletableFuture<?> value();

		abstract void complete();

	}

	/**
	 * One batched field for all its parents on a level: one key per parent, asked of the field's
	 * loader before the level is dispatched. Parents are failed one by one, as graphql-java's
	 * fetcher calls would fail: on an argument the instrumentations refuse, a key that cannot be
	 * made (a bad cursor or page size), or a failed load.
	 */
	private final class Batch extends Waiting {

		final List<BatchedParent> parents = new ArrayList<>();

		/** Per parent, its value as loaded (null after a failure, which is reported already). */
		private CompletableFuture<Object>[] values;

		private CompletableFuture<Void> all;

		Batch(Plan.Field field) {
			super(field);
		}

		void load() {
			DataLoader<Object, Object> loader = PlanRun.this.context.getDataLoaderRegistry()
				.getDataLoader(this.field.batch().loaderName());
			if (loader == null) {
				throw new IllegalStateException("No DataLoader named " + this.field.batch().loaderName() + " for "
						+ this.field.batch().coordinates());
			}
			Map<String, Object> arguments = arguments(this.field);
			Exception refused = refusedArguments(this.field, this.parents.get(0));
			@SuppressWarnings("unchecked")
			CompletableFuture<Object>[] loaded = new CompletableFuture[this.parents.size()];
			this.values = loaded;
			for (int i = 0; i < this.values.length; i++) {
				BatchedParent parent = this.parents.get(i);
				if (refused != null) {
					this.values[i] = failure(environment(this.field, parent), refused);
				}
				else {
					try {
						this.values[i] = loader.load(this.field.batch().key().apply(parent.source(), arguments));
					}
					catch (Exception ex) {
						this.values[i] = failure(environment(this.field, parent), ex);
					}
				}
			}
			// Failed loads are reported once all have answered: no extra futures per parent when none fails.
			this.all = CompletableFuture.allOf(this.values).handle((ignored, failure) -> null).thenCompose((ignored) -> {
				List<CompletableFuture<Object>> reports = new ArrayList<>();
				for (int i = 0; i < this.values.length; i++) {
					if (this.values[i].isCompletedExceptionally()) {
						BatchedParent parent = this.parents.get(i);
						this.values[i] = reported(this.values[i], () -> environment(this.field, parent));
						reports.add(this.values[i]);
					}
				}
				return CompletableFuture.allOf(reports.toArray(CompletableFuture<?>[]::new));
			});
		}

		@Override
		CompletableFuture<?> value() {
			return this.all;
		}

		@Override
		void complete() {
			for (int i = 0; i < this.values.length; i++) {
				fill(this.parents.get(i).slot(), this.field,
						this.values[i].isCompletedExceptionally() ? null : this.values[i].join());
			}
		}

	}

	/** Where a field's value goes, and what an error there needs. */
	private record Slot(ResultObject object, int index, Supplier<ResultPath> path, Supplier<ExecutionStepInfo> info) {

	}

	/** A parent of a batched field: its slot for the field's value, and the row the key is made from. */
	private record BatchedParent(Slot slot, Object source) {

	}

	private DataFetchingEnvironment environment(Plan.Field field, BatchedParent parent) {
		return environment(field, parent.source(), parent.slot().info());
	}

	/**
	 * What the instrumentations' wrappers would throw for this field's arguments (the text checks),
	 * or null: they depend on the arguments only, which all the field's parents share.
	 */
	private Exception refusedArguments(Plan.Field field, BatchedParent first) {
		DataFetchingEnvironment environment = environment(field, first);
		DataFetcher<?> check = this.argumentChecks.computeIfAbsent(field,
				(key) -> this.context.getInstrumentation()
					.instrumentDataFetcher((ignored) -> ARGUMENTS_ACCEPTED,
							new InstrumentationFieldFetchParameters(this.context, () -> environment, this.parameters,
									false),
							this.context.getInstrumentationState()));
		try {
			check.get(environment);
			return null;
		}
		catch (Exception ex) {
			return ex;
		}
	}

	/** A field whose value arrives with its level's batch. */
	private final class Pending extends Waiting {

		private final Slot slot;

		private final CompletableFuture<Object> value;

		Pending(Slot slot, Plan.Field field, CompletableFuture<Object> value) {
			super(field);
			this.slot = slot;
			this.value = value;
		}

		@Override
		CompletableFuture<?> value() {
			return this.value;
		}

		@Override
		void complete() {
			fill(this.slot, this.field, this.value.isCompletedExceptionally() ? null : this.value.join());
		}

	}

}
