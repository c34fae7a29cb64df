package dev.inkwell.observability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The observability switches that are more than one property each:
 * <ul>
 * <li>Tracing is on only when an OTLP endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * which Spring Boot maps to the traces endpoint): otherwise the tracing auto-configurations and the
 * SQL statement observation (r2dbc-proxy) are left out, so no span is ever started and W3C
 * {@code traceparent} headers are not parsed; {@value #TRACING} says which.</li>
 * <li>{@code LOG_FORMAT=json} is Spring Boot's structured logging in ECS format ({@code ecs},
 * {@code logstash} and {@code gelf} name a format).</li>
 * <li>Under the {@code prod} profile without {@code MANAGEMENT_PORT}, only health (liveness and
 * readiness) is exposed, since the public port is the only one; with a management port every
 * endpoint moves there and the probes stay reachable on the public port.</li>
 * </ul>
 * Runs after the configuration files and Boot's OpenTelemetry variable mapping are read.
 */
class ObservabilityEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String TRACES_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	private static final List<String> TRACING_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration",
			// r2dbc-proxy, and the observation per statement and per row it carries, only for SQL spans
			"org.springframework.boot.r2dbc.autoconfigure.R2dbcProxyAutoConfiguration",
			"org.springframework.boot.r2dbc.autoconfigure.observation.R2dbcObservationAutoConfiguration");

	/** true when spans are exported; what is carried for them is left out otherwise. */
	static final String TRACING = "inkwell.observability.tracing";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new HashMap<>();
		boolean tracing = tracingConfigured(environment);
		properties.put(TRACING, String.valueOf(tracing));
		if (!tracing) {
			List<String> excluded = new ArrayList<>(Arrays.asList(environment
				.getProperty("spring.autoconfigure.exclude", String[].class, new String[0])));
			excluded.addAll(TRACING_AUTO_CONFIGURATIONS);
			properties.put("spring.autoconfigure.exclude", String.join(",", excluded));
		}
		String logFormat = environment.getProperty("LOG_FORMAT", "").trim().toLowerCase(Locale.ROOT);
		if (!logFormat.isEmpty() && !logFormat.equals("text")) {
			properties.put("logging.structured.format.console", logFormat.equals("json") ? "ecs" : logFormat);
		}
		if (environment.matchesProfiles("prod") && environment.getProperty("management.server.port", "").isBlank()) {
			properties.put("management.endpoints.web.exposure.include", "health");
		}
		if (!properties.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("inkwellObservability", properties));
		}
	}

	private static boolean tracingConfigured(ConfigurableEnvironment environment) {
		return !environment.getProperty(TRACES_ENDPOINT, "").isBlank()
				|| !environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "").isBlank()
				|| !environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "").isBlank();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
