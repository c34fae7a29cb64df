package dev.inkwell.admission;

/** A request refused by admission control: the server is at capacity and the client should retry. */
public final class Overloaded extends RuntimeException {

	/** Why: nothing could wait any more, or the wait ran out. */
	public enum Reason {

		QUEUE_FULL, QUEUE_TIMEOUT

	}

	private final AdmissionGate.Lane lane;

	private final Reason reason;

	Overloaded(AdmissionGate.Lane lane, Reason reason) {
		super("Overloaded (" + lane + ", " + reason + ")", null, false, false);
		this.lane = lane;
		this.reason = reason;
	}

	public AdmissionGate.Lane lane() {
		return this.lane;
	}

	public Reason reason() {
		return this.reason;
	}

}
