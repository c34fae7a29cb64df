package dev.inkwell.admission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import dev.inkwell.admission.AdmissionGate.Lane;
import dev.inkwell.admission.AdmissionGate.Ticket;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's bookkeeping, on virtual time: slots, lanes, queue bounds, timeouts and order. */
class AdmissionGateTest {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	/** Four slots, one kept for mutations, two waiting places per lane, a wait of at most 1 s. */
	private final AdmissionGate gate = new AdmissionGate(4, 1, 2, Long.MAX_VALUE, Duration.ofSeconds(1), this.time);

	@Test
	void readsRunUpToTheirSlotsThenWaitThenAreShedAtOnce() {
		List<Outcome> reads = enter(Lane.READ, 6);

		assertThat(reads.subList(0, 3)).allMatch(Outcome::admitted);
		assertThat(reads.subList(3, 5)).allMatch(Outcome::waiting);
		assertThat(reads.get(5).shed).isEqualTo(Overloaded.Reason.QUEUE_FULL);
		assertThat(this.gate.running(Lane.READ)).isEqualTo(3);
		assertThat(this.gate.queued(Lane.READ)).isEqualTo(2);
		assertThat(this.gate.shed(Lane.READ, Overloaded.Reason.QUEUE_FULL)).isEqualTo(1);
	}

	@Test
	void aMutationRunsInItsOwnSlotWhileReadsFillTheirs() {
		enter(Lane.READ, 5);

		Outcome mutation = enter(Lane.WRITE, 1).get(0);

		assertThat(mutation.admitted()).isTrue();
		assertThat(this.gate.running(Lane.WRITE)).isEqualTo(1);
	}

	@Test
	void aFreedSlotGoesToAWaitingMutationBeforeWaitingReads() {
		List<Outcome> writes = enter(Lane.WRITE, 4);
		List<Outcome> reads = enter(Lane.READ, 1);
		Outcome waitingWrite = enter(Lane.WRITE, 1).get(0);
		assertThat(reads.get(0).waiting()).isTrue();
		assertThat(waitingWrite.waiting()).isTrue();

		writes.get(0).ticket.close();

		assertThat(waitingWrite.admitted()).isTrue();
		assertThat(reads.get(0).waiting()).isTrue();
		writes.get(1).ticket.close();
		assertThat(reads.get(0).admitted()).isTrue();
	}

	@Test
	void aWaitThatRunsOutIsShedAndFreesItsPlace() {
		enter(Lane.READ, 3);
		Outcome waiting = enter(Lane.READ, 1).get(0);

		this.time.advanceTimeBy(Duration.ofMillis(999));
		assertThat(waiting.waiting()).isTrue();
		this.time.advanceTimeBy(Duration.ofMillis(2));

		assertThat(waiting.shed).isEqualTo(Overloaded.Reason.QUEUE_TIMEOUT);
		assertThat(this.gate.queued(Lane.READ)).isZero();
		assertThat(this.gate.shed(Lane.READ, Overloaded.Reason.QUEUE_TIMEOUT)).isEqualTo(1);
	}

	@Test
	void aRequestThatGoesAwayWhileWaitingGivesUpItsPlaceAndARunningOneItsSlot() {
		List<Outcome> running = enter(Lane.READ, 3);
		Outcome waiting = enter(Lane.READ, 1).get(0);

		waiting.ticket.close();
		assertThat(this.gate.queued(Lane.READ)).isZero();
		running.get(0).ticket.close();
		running.get(0).ticket.close(); // twice changes nothing

		assertThat(this.gate.running(Lane.READ)).isEqualTo(2);
		assertThat(waiting.admitted()).isFalse();
	}

	@Test
	void theQueuesHoldAtMostTheirBytesOfRequestBodies() {
		AdmissionGate gate = new AdmissionGate(1, 0, 10, 1_000, Duration.ofSeconds(1), this.time);
		Ticket running = gate.enter(Lane.READ, 900); // runs at once: its body counts against nothing
		Outcome first = watch(gate.enter(Lane.READ, 600));
		Outcome second = watch(gate.enter(Lane.READ, 600));
		assertThat(first.waiting()).isTrue();
		assertThat(second.shed).isEqualTo(Overloaded.Reason.QUEUE_FULL);

		running.close(); // the first leaves the queue, and its bytes with it
		assertThat(first.admitted()).isTrue();
		assertThat(watch(gate.enter(Lane.READ, 1_000)).waiting()).isTrue();
	}

	@Test
	void aShortQueueIsServedInOrderHoweverLongTheOldestHasWaited() {
		AdmissionGate deep = new AdmissionGate(1, 0, 10, Long.MAX_VALUE, Duration.ofSeconds(1), this.time);
		Ticket running = deep.enter(Lane.READ);
		this.time.advanceTimeBy(Duration.ofMillis(200));
		Outcome first = watch(deep.enter(Lane.READ));
		running.close(); // operations hold the slot about 200 ms
		List<Outcome> waiting = List.of(watch(deep.enter(Lane.READ)), watch(deep.enter(Lane.READ)),
				watch(deep.enter(Lane.READ)), watch(deep.enter(Lane.READ)));
		this.time.advanceTimeBy(Duration.ofMillis(400));
		first.ticket.close(); // four waiting (four rounds of one slot), 0.8 s of work: in order, though the oldest waited 400 ms

		assertThat(waiting.get(0).admitted()).isTrue();
		assertThat(waiting.subList(1, 4)).allMatch(Outcome::waiting);
	}

	@Test
	void aQueueOfMoreRoundsThanTheSlotsServeInOrderIsServedNewestFirst() {
		AdmissionGate deep = new AdmissionGate(1, 0, 10, Long.MAX_VALUE, Duration.ofSeconds(1), this.time);
		Ticket running = deep.enter(Lane.READ);
		Outcome first = watch(deep.enter(Lane.READ));
		this.time.advanceTimeBy(Duration.ofMillis(10));
		running.close(); // fast operations: 10 ms each
		List<Outcome> waiting = new ArrayList<>();
		for (int i = 0; i < AdmissionGate.LaneState.ROUNDS_IN_ORDER + 1; i++) {
			waiting.add(watch(deep.enter(Lane.READ)));
		}
		this.time.advanceTimeBy(Duration.ofMillis(10));
		first.ticket.close(); // five rounds of the slot waiting, though only 50 ms of work: newest first

		assertThat(waiting.get(waiting.size() - 1).admitted()).isTrue();
		assertThat(waiting.get(0).waiting()).isTrue();
	}

	@Test
	void aQueueTheSlotsCannotServeInTimeIsServedNewestFirst() {
		AdmissionGate deep = new AdmissionGate(1, 0, 10, Long.MAX_VALUE, Duration.ofSeconds(1), this.time);
		Ticket running = deep.enter(Lane.READ);
		Outcome first = watch(deep.enter(Lane.READ));
		this.time.advanceTimeBy(Duration.ofMillis(400));
		running.close(); // operations hold the slot about 400 ms; one waiting: served
		assertThat(first.admitted()).isTrue();
		List<Outcome> waiting = List.of(watch(deep.enter(Lane.READ)), watch(deep.enter(Lane.READ)),
				watch(deep.enter(Lane.READ)));
		this.time.advanceTimeBy(Duration.ofMillis(400));
		first.ticket.close(); // three waiting, 1.2 s of work for the slot, more than the 1 s wait: newest first

		assertThat(waiting.get(2).admitted()).isTrue();
		assertThat(waiting.subList(0, 2)).allMatch(Outcome::waiting);
	}

	private List<Outcome> enter(Lane lane, int count) {
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			outcomes.add(watch(this.gate.enter(lane)));
		}
		return outcomes;
	}

	private static Outcome watch(Ticket ticket) {
		Outcome outcome = new Outcome(ticket);
		ticket.ready()
			.doOnSuccess((ignored) -> outcome.ready = true)
			.onErrorResume(Overloaded.class, (ex) -> {
				outcome.shed = ex.reason();
				return Mono.empty();
			})
			.subscribe();
		return outcome;
	}

	private static final class Outcome {

		final Ticket ticket;

		boolean ready;

		Overloaded.Reason shed;

		Outcome(Ticket ticket) {
			this.ticket = ticket;
		}

		boolean admitted() {
			return this.ready && this.shed == null;
		}

		boolean waiting() {
			return !this.ready && this.shed == null;
		}

	}

}
