package dev.inkwell.graphql.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.DelegatingDataLoader;

/**
 * The DataLoaders of operations that run together (the queries of one batched HTTP request), so
 * that a relation they all need is loaded once for all of them: three queries that each need
 * their posts' authors load them in one statement.
 * <p>
 * Each operation gets a registry of its own ({@link Participant#registry}) whose loaders are the
 * shared ones: the first operation to register a loader provides it, and it loads with that
 * operation's GraphQL context. Loaders are shared only among operations whose contexts have equal
 * {@link LoaderSharing} keys (the same viewer), so visibility stays the viewer's. graphql-java asks an operation's loaders to dispatch once the
 * operation has nothing else to do; the shared loaders dispatch only when every operation still
 * running has asked and none is waiting on work of its own (a statement of a root field, see
 * {@link SharedLoadersInstrumentation}), so every operation's keys go out in the same statement.
 * An operation that ends (or fails before it runs) stops counting. Only operations that cannot
 * see each other's writes may share: the caller runs mutations apart.
 */
public final class SharedLoaders {

	/** Loads made on this thread by shared loaders: tells a fetcher that waits on a loader from one that does not. */
	private static final ThreadLocal<long[]> LOADS = ThreadLocal.withInitial(() -> new long[1]);

	private final Object lock = new Object();

	private final LoaderSharing sharing;

	private final Map<Object, Map<String, DataLoader<?, ?>>> loaders = new HashMap<>();

	private final List<Participant> running = new ArrayList<>();

	public SharedLoaders(LoaderSharing sharing) {
		this.sharing = sharing;
	}

	/** A new operation that takes part; it counts until it {@linkplain Participant#leave() leaves}. */
	public Participant join() {
		Participant participant = new Participant();
		synchronized (this.lock) {
			this.running.add(participant);
		}
		return participant;
	}

	static long loadsOnThisThread() {
		return LOADS.get()[0];
	}

	private DataLoader<?, ?> share(GraphQLContext context, String name, DataLoader<?, ?> offered) {
		Object group = this.sharing.key(context);
		synchronized (this.lock) {
			return this.loaders.computeIfAbsent(group, (key) -> new HashMap<>()).computeIfAbsent(name, (key) -> offered);
		}
	}

	private CompletableFuture<List<Object>> dispatchRequested(Participant participant) {
		CompletableFuture<List<Object>> dispatched;
		synchronized (this.lock) {
			if (participant.dispatched == null && participant.round != null && !participant.round.isDone()) {
				// graphql-java asks each loader in turn: the rest of that turn belongs to the round under way.
				return participant.round;
			}
			if (participant.dispatched == null) {
				participant.dispatched = new CompletableFuture<>();
			}
			dispatched = participant.dispatched;
		}
		dispatchIfAllWait();
		return dispatched;
	}

	/** Dispatches every shared loader once each running operation waits for one and for nothing else. */
	private void dispatchIfAllWait() {
		List<CompletableFuture<List<Object>>> waiting = new ArrayList<>();
		List<DataLoader<?, ?>> toDispatch = new ArrayList<>();
		synchronized (this.lock) {
			for (Participant participant : this.running) {
				if (participant.dispatched == null || participant.ownWork > 0) {
					return;
				}
			}
			for (Participant participant : this.running) {
				waiting.add(participant.dispatched);
				participant.round = participant.dispatched;
				participant.dispatched = null;
			}
			this.loaders.values().forEach((byName) -> toDispatch.addAll(byName.values()));
		}
		if (waiting.isEmpty()) {
			return;
		}
		CompletableFuture<?>[] dispatches = toDispatch.stream().map(DataLoader::dispatch).toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(dispatches).whenComplete((done, failure) -> waiting.forEach((each) -> each.complete(List.of())));
	}

	/** One operation's part: its registry, and whether it waits. */
	public final class Participant {

		/** Completes when the shared loaders have dispatched; non-null while the operation asks for that. */
		private CompletableFuture<List<Object>> dispatched;

		/** The dispatch under way that this operation asked for. */
		private CompletableFuture<List<Object>> round;

		/** Fetches of this operation waiting on work other than the shared loaders. */
		private int ownWork;

		private Participant() {
		}

		/** Gives the operation a registry whose loaders are the shared ones, and makes it known to the instrumentation. */
		public ExecutionInput configure(ExecutionInput input, ExecutionInput.Builder builder) {
			GraphQLContext context = input.getGraphQLContext();
			return builder.dataLoaderRegistry(new Registry(this, context))
				.graphQLContext(Map.of(Participant.class, this))
				.build();
		}

		/** The operation ended (or never ran): the others no longer wait for it. */
		public void leave() {
			synchronized (SharedLoaders.this.lock) {
				SharedLoaders.this.running.remove(this);
			}
			dispatchIfAllWait();
		}

		CompletableFuture<List<Object>> dispatchRequested() {
			return SharedLoaders.this.dispatchRequested(this);
		}

		void ownWorkStarted() {
			synchronized (SharedLoaders.this.lock) {
				this.ownWork++;
			}
		}

		void ownWorkEnded() {
			synchronized (SharedLoaders.this.lock) {
				this.ownWork--;
			}
			dispatchIfAllWait();
		}

		private <K, V> DataLoader<K, V> share(GraphQLContext context, String name, DataLoader<K, V> offered) {
			@SuppressWarnings("unchecked")
			DataLoader<K, V> shared = (DataLoader<K, V>) SharedLoaders.this.share(context, name, offered);
			return new ParticipantLoader<>(shared, this);
		}

	}

	/**
	 * An operation's registry. Spring for GraphQL registers its loaders into it when the operation
	 * starts, by which time the operation's GraphQL context holds its viewer.
	 */
	private static final class Registry extends DataLoaderRegistry {

		private final Participant participant;

		private final GraphQLContext context;

		Registry(Participant participant, GraphQLContext context) {
			this.participant = participant;
			this.context = context;
		}

		@Override
		public DataLoaderRegistry register(String key, DataLoader<?, ?> dataLoader) {
			super.register(key, this.participant.share(this.context, key, dataLoader));
			return this;
		}

		@Override
		public <K, V> DataLoader<K, V> registerAndGet(String key, DataLoader<?, ?> dataLoader) {
			register(key, dataLoader);
			return getDataLoader(key);
		}

		@Override
		public <K, V> DataLoader<K, V> computeIfAbsent(String key,
				Function<String, DataLoader<?, ?>> mappingFunction) {
			DataLoader<K, V> existing = getDataLoader(key);
			return (existing != null) ? existing : registerAndGet(key, mappingFunction.apply(key));
		}

	}

	/** A shared loader as one operation sees it: its dispatch waits for the others. */
	private static final class ParticipantLoader<K, V> extends DelegatingDataLoader<K, V> {

		private final Participant participant;

		ParticipantLoader(DataLoader<K, V> shared, Participant participant) {
			super(shared);
			this.participant = participant;
		}

		@Override
		public CompletableFuture<V> load(K key, Object keyContext) {
			LOADS.get()[0]++;
			return super.load(key, keyContext);
		}

		@Override
		public CompletableFuture<V> load(K key) {
			LOADS.get()[0]++;
			return super.load(key);
		}

		@Override
		public CompletableFuture<List<V>> loadMany(List<K> keys) {
			LOADS.get()[0]++;
			return super.loadMany(keys);
		}

		@Override
		public CompletableFuture<List<V>> loadMany(List<K> keys, List<Object> keyContexts) {
			LOADS.get()[0]++;
			return super.loadMany(keys, keyContexts);
		}

		@Override
		public CompletableFuture<Map<K, V>> loadMany(Map<K, ?> keysAndContexts) {
			LOADS.get()[0]++;
			return super.loadMany(keysAndContexts);
		}

		@Override
		@SuppressWarnings({ "unchecked", "rawtypes" })
		public CompletableFuture<List<V>> dispatch() {
			return (CompletableFuture) this.participant.dispatchRequested();
		}

	}

}
