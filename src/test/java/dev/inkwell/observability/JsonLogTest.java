package dev.inkwell.observability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LOG_FORMAT=json selects Spring Boot's structured logging (ECS), which writes each MDC entry of a
 * log event as a JSON field: the access line puts each of its facts there, and never a variable.
 * (Logging is set up once per JVM, so the running server's format is not switched here.)
 */
class JsonLogTest extends IntegrationTest {

	@Test
	void logFormatJsonSelectsStructuredLogging() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("LOG_FORMAT", "json")));
		new ObservabilityEnvironment().postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");

		StandardEnvironment plain = new StandardEnvironment();
		new ObservabilityEnvironment().postProcessEnvironment(plain, null);
		assertThat(plain.getProperty("logging.structured.format.console")).isNull();
	}

	@Test
	void theAccessLineCarriesItsFactsAsFields() throws InterruptedException {
		Logger access = (Logger) LoggerFactory.getLogger("inkwell.access");
		List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
		AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				event.prepareForDeferredProcessing();   // takes the MDC while it is set
				events.add(event);
			}
		};
		appender.start();
		access.addAppender(appender);
		List<ILoggingEvent> lines;
		try {
			this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "json-req-1")
				.bodyValue(Map.of("query", "query Feed($first: Int) { posts(first: $first) { nodes { title } } }",
						"variables", Map.of("first", 7)))
				.exchange()
				.expectStatus().isOk();
			// The access line is written when the exchange completes on the server, which can be
			// just after the client has read the response.
			lines = accessLinesOf("json-req-1", events);
			for (long deadline = System.nanoTime() + 10_000_000_000L; lines.isEmpty() && System.nanoTime() < deadline;) {
				Thread.sleep(20);
				lines = accessLinesOf("json-req-1", events);
			}
		}
		finally {
			access.detachAppender(appender);
		}
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0).getMDCPropertyMap()).containsEntry("graphql.operation", "query Feed")
			.containsEntry("http.method", "POST")
			.containsEntry("http.path", "/graphql")
			.containsEntry("http.status", "200")
			.containsEntry("sql.statements", "1")
			.containsEntry("viewerId", "null")
			.containsKeys("durationMs", "graphql.cost");
		// The variable's value is nowhere in the line; the measured fields may happen to equal it.
		Map<String, String> facts = new HashMap<>(lines.get(0).getMDCPropertyMap());
		facts.keySet().removeAll(List.of("durationMs", "graphql.cost"));
		assertThat(facts.values()).doesNotContain("7");
	}

	private static List<ILoggingEvent> accessLinesOf(String requestId, List<ILoggingEvent> events) {
		return events.stream().filter((event) -> requestId.equals(event.getMDCPropertyMap().get("requestId"))).toList();
	}

}
