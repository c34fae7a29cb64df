package dev.inkwell.admission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Admission control: at most {@code maxConcurrent} operations run at once, of which
 * {@code writeShare} slots are kept for mutations; the others wait in a bounded queue per lane
 * for a bounded time, and are shed beyond that. The queues together hold at most
 * {@code maxQueuedBytes} of request bodies, which are read before a request is admitted. Freed
 * slots go to waiting mutations first.
 * <p>
 * Each queue is served oldest first while it is short: at most
 * {@value LaneState#ROUNDS_IN_ORDER} rounds of the lane's slots, and all of it servable within the
 * queue timeout (judged by how long operations of that lane have recently held a slot); newest
 * first once it is longer (adaptive LIFO). A few
 * more clients than slots are served in order and nobody times out, however slow the machine;
 * under a standing overload the requests that are served have waited little (a few of their own
 * run times at most, so the latency of what is answered stays close to that of a quiet server),
 * and those that cannot be served in time are shed when their wait runs out instead of being
 * served too late to matter.
 */
public final class AdmissionGate {

	/** Reads and mutations wait and run apart, so that reads cannot starve mutations. */
	public enum Lane {

		READ, WRITE

	}

	private enum State {

		QUEUED, RUNNING, DONE

	}

	private final int maxConcurrent;

	private final int maxReads;

	private final int queueSize;

	private final long maxQueuedBytes;

	/** Bytes of the request bodies waiting in the queues; guarded by this gate's lock. */
	private long queuedBytes;

	private final Duration queueTimeout;

	private final Scheduler timer;

	private final Map<Lane, LaneState> lanes = new EnumMap<>(Lane.class);

	public AdmissionGate(int maxConcurrent, int writeShare, int queueSize, long maxQueuedBytes,
			Duration queueTimeout) {
		this(maxConcurrent, writeShare, queueSize, maxQueuedBytes, queueTimeout, Schedulers.parallel());
	}

	AdmissionGate(int maxConcurrent, int writeShare, int queueSize, long maxQueuedBytes, Duration queueTimeout,
			Scheduler timer) {
		this.maxConcurrent = maxConcurrent;
		this.maxReads = maxConcurrent - writeShare;
		this.queueSize = queueSize;
		this.maxQueuedBytes = maxQueuedBytes;
		this.queueTimeout = queueTimeout;
		this.timer = timer;
		for (Lane lane : Lane.values()) {
			this.lanes.put(lane, new LaneState());
		}
	}

	static AdmissionGate of(AdmissionProperties resolved) {
		return new AdmissionGate(resolved.maxConcurrent(), resolved.writeShare(), resolved.queueSize(),
				resolved.queueBytes().toBytes(), resolved.queueTimeout());
	}

	/**
	 * Asks for a slot. The ticket's {@link Ticket#ready()} completes once the operation may run,
	 * or fails with {@link Overloaded}; {@link Ticket#close()} must follow in every case (it frees
	 * the slot, or the place in the queue of a request that went away while waiting).
	 */
	public Ticket enter(Lane lane) {
		return enter(lane, 0);
	}

	/** {@link #enter(Lane)} for a request whose body of {@code bodyBytes} has been read. */
	public Ticket enter(Lane lane, int bodyBytes) {
		Ticket ticket = new Ticket(lane, bodyBytes);
		// Ready before the ticket is visible to other threads, which may admit it at once.
		ticket.sink = Sinks.one();
		boolean full = false;
		synchronized (this) {
			Queue queue = this.lanes.get(lane).queue;
			if (queue.size == 0 && mayRun(lane)) {
				run(ticket);
			}
			else if (queue.size >= this.queueSize || this.queuedBytes + bodyBytes > this.maxQueuedBytes) {
				ticket.state = State.DONE;
				full = true;
			}
			else {
				ticket.state = State.QUEUED;
				queue.addLast(ticket);
				this.queuedBytes += bodyBytes;
			}
		}
		if (full) {
			this.lanes.get(lane).shed(Overloaded.Reason.QUEUE_FULL);
			ticket.refusal = new Overloaded(lane, Overloaded.Reason.QUEUE_FULL);
		}
		else if (ticket.state == State.QUEUED) {
			// If the ticket is admitted before this runs, the timer finds it no longer queued.
			ticket.expiry = this.timer.schedule(() -> expire(ticket), this.queueTimeout.toNanos(),
					TimeUnit.NANOSECONDS);
		}
		return ticket;
	}

	private boolean mayRun(Lane lane) {
		int reads = this.lanes.get(Lane.READ).running;
		int total = reads + this.lanes.get(Lane.WRITE).running;
		return total < this.maxConcurrent && (lane == Lane.WRITE || reads < this.maxReads);
	}

	private void expire(Ticket ticket) {
		synchronized (this) {
			if (ticket.state != State.QUEUED) {
				return;
			}
			dequeue(ticket);
			ticket.state = State.DONE;
		}
		this.lanes.get(ticket.lane).shed(Overloaded.Reason.QUEUE_TIMEOUT);
		ticket.sink.tryEmitError(new Overloaded(ticket.lane, Overloaded.Reason.QUEUE_TIMEOUT));
	}

	private void close(Ticket ticket) {
		List<Ticket> admitted;
		synchronized (this) {
			State was = ticket.state;
			ticket.state = State.DONE;
			if (was == State.QUEUED) {
				dequeue(ticket);
				admitted = List.of();
			}
			else if (was == State.RUNNING) {
				this.lanes.get(ticket.lane).finished(this.timer.now(TimeUnit.NANOSECONDS) - ticket.runningSince);
				admitted = admitWaiting();
			}
			else {
				return;
			}
		}
		ticket.cancelExpiry();
		for (Ticket next : admitted) {
			next.cancelExpiry();
			next.sink.tryEmitEmpty();
		}
	}

	/** Called holding the lock. */
	private void dequeue(Ticket ticket) {
		this.lanes.get(ticket.lane).queue.remove(ticket);
		this.queuedBytes -= ticket.bodyBytes;
	}

	/** Called holding the lock. */
	private void run(Ticket ticket) {
		ticket.state = State.RUNNING;
		ticket.runningSince = this.timer.now(TimeUnit.NANOSECONDS);
		this.lanes.get(ticket.lane).running++;
	}

	/**
	 * Whether the lane's queue is short enough to be served in order: a few rounds of its slots, all
	 * served before the queue timeout; called holding the lock.
	 */
	private boolean servableInOrder(Lane lane, Queue queue) {
		int slots = Math.max(1, (lane == Lane.WRITE) ? this.maxConcurrent : this.maxReads);
		return queue.size <= LaneState.ROUNDS_IN_ORDER * slots
				&& (double) queue.size * this.lanes.get(lane).averageRunNanos / slots <= this.queueTimeout.toNanos();
	}

	/** Moves waiting tickets into free slots, mutations first; called holding the lock. */
	private List<Ticket> admitWaiting() {
		List<Ticket> admitted = null;
		for (Lane lane : new Lane[] { Lane.WRITE, Lane.READ }) {
			Queue queue = this.lanes.get(lane).queue;
			while (queue.size > 0 && mayRun(lane)) {
				Ticket next = servableInOrder(lane, queue) ? queue.head : queue.tail;
				dequeue(next);
				run(next);
				if (admitted == null) {
					admitted = new ArrayList<>(2);
				}
				admitted.add(next);
			}
		}
		return (admitted != null) ? admitted : List.of();
	}

	public synchronized int running(Lane lane) {
		return this.lanes.get(lane).running;
	}

	public synchronized int queued(Lane lane) {
		return this.lanes.get(lane).queue.size;
	}

	public long shed(Lane lane, Overloaded.Reason reason) {
		return this.lanes.get(lane).shed.get(reason).sum();
	}

	public Duration queueTimeout() {
		return this.queueTimeout;
	}

	/** One request's claim on a slot. */
	public final class Ticket {

		private final Lane lane;

		private final int bodyBytes;

		private State state;

		private long runningSince;

		private Sinks.One<Void> sink;

		private volatile Disposable expiry;

		private Overloaded refusal;

		private Ticket prev, next;

		private Ticket(Lane lane, int bodyBytes) {
			this.lane = lane;
			this.bodyBytes = bodyBytes;
		}

		/** Completes when the operation may run; fails with {@link Overloaded} when it is shed. */
		public Mono<Void> ready() {
			if (this.refusal != null) {
				return Mono.error(this.refusal);
			}
			return (this.state == State.RUNNING && this.expiry == null) ? Mono.empty() : this.sink.asMono();
		}

		private void cancelExpiry() {
			Disposable timer = this.expiry;
			if (timer != null) {
				timer.dispose();
			}
		}

		/** Frees the slot, or the place in the queue; safe to call more than once. */
		public void close() {
			AdmissionGate.this.close(this);
		}

	}

	/** One lane's queue, running operations and counts; guarded by the gate's lock but for the shed counts. */
	static final class LaneState {

		/** How many rounds of the slots may wait and still be served in order. */
		static final int ROUNDS_IN_ORDER = 4;

		final Queue queue = new Queue();

		final Map<Overloaded.Reason, LongAdder> shed = new EnumMap<>(Overloaded.Reason.class);

		int running;

		/** A moving average of how long an operation holds its slot (0: none finished yet). */
		long averageRunNanos;

		LaneState() {
			for (Overloaded.Reason reason : Overloaded.Reason.values()) {
				this.shed.put(reason, new LongAdder());
			}
		}

		void shed(Overloaded.Reason reason) {
			this.shed.get(reason).increment();
		}

		/** An operation gave its slot back after {@code nanos}; the average follows the last few dozen. */
		void finished(long nanos) {
			this.running--;
			this.averageRunNanos = (this.averageRunNanos == 0) ? Math.max(1, nanos)
					: this.averageRunNanos + (nanos - this.averageRunNanos) / 16;
		}

	}

	/** A doubly linked queue of tickets: both ends and removal from the middle in constant time. */
	private static final class Queue {

		private Ticket head, tail;

		private int size;

		void addLast(Ticket ticket) {
			ticket.prev = this.tail;
			ticket.next = null;
			if (this.tail != null) {
				this.tail.next = ticket;
			}
			else {
				this.head = ticket;
			}
			this.tail = ticket;
			this.size++;
		}

		void remove(Ticket ticket) {
			if (ticket.prev != null) {
				ticket.prev.next = ticket.next;
			}
			else {
				this.head = ticket.next;
			}
			if (ticket.next != null) {
				ticket.next.prev = ticket.prev;
			}
			else {
				this.tail = ticket.prev;
			}
			ticket.prev = null;
			ticket.next = null;
			this.size--;
		}

	}

}
