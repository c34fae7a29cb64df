package dev.inkwell.admission;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Admission control's meters, per lane ({@code read}, {@code write}): operations running and
 * waiting, and requests shed (tagged with the reason, {@code queue_full} or {@code queue_timeout}).
 */
final class AdmissionMetrics implements MeterBinder {

	private final AdmissionGate gate;

	AdmissionMetrics(AdmissionGate gate) {
		this.gate = gate;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (AdmissionGate.Lane lane : AdmissionGate.Lane.values()) {
			String tag = lane.name().toLowerCase();
			Gauge.builder("inkwell.admission.running", this.gate, (gate) -> gate.running(lane))
				.description("GraphQL operations executing")
				.tag("lane", tag)
				.register(registry);
			Gauge.builder("inkwell.admission.queued", this.gate, (gate) -> gate.queued(lane))
				.description("GraphQL operations waiting for a slot")
				.tag("lane", tag)
				.register(registry);
			for (Overloaded.Reason reason : Overloaded.Reason.values()) {
				FunctionCounter.builder("inkwell.admission.shed", this.gate, (gate) -> gate.shed(lane, reason))
					.description("GraphQL requests refused with 503 because the server was at capacity")
					.tag("lane", tag)
					.tag("reason", reason.name().toLowerCase())
					.register(registry);
			}
		}
	}

}
