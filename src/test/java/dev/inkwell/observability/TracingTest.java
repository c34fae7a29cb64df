package dev.inkwell.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an OTLP endpoint configured (what OTEL_EXPORTER_OTLP_ENDPOINT maps to), a request's spans
 * reach the collector: the HTTP request, its GraphQL operation and each SQL statement, in the trace
 * the client's W3C traceparent named, each the child of the one before.
 */
@TestPropertySource(properties = { "management.opentelemetry.tracing.export.schedule-delay=200ms",
		"DB_POOL_ACQUIRE_TIMEOUT=30s" })   // a context of its own starts cold; the machine may be busy
class TracingTest extends IntegrationTest {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private static final String CLIENT_SPAN_ID = "b7ad6b7169203331";

	private static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	private static final OtlpReceiver receiver;

	// Whether tracing is on is decided before test properties exist, from the environment the server
	// starts with: the endpoint is a system property until this class's server has started.
	static {
		try {
			receiver = new OtlpReceiver();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.setProperty(ENDPOINT, receiver.tracesEndpoint());
	}

	@BeforeEach
	void serverStarted() {
		System.clearProperty(ENDPOINT);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void httpOperationAndStatementSpansAreExportedInTheClientsTrace() throws InterruptedException {
		Content content = new Content(this.db);
		long author = content.user("tracer");
		content.post(author, "Traced", true);
		this.statements.reset();
		this.http.mutate().responseTimeout(Duration.ofSeconds(60)).build().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01")
			.bodyValue(Map.of("query", "query Traced { posts(first: 5) { totalCount nodes { title author { username } } } }"))
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.data.posts.nodes[0].title").isEqualTo("Traced");
		int statements = this.statements.statements().size();

		List<Span> trace = awaitSpans(statements);
		Span http = single(trace, Span.SpanKind.SPAN_KIND_SERVER);
		assertThat(hex(http.getParentSpanId())).isEqualTo(CLIENT_SPAN_ID);
		Span operation = trace.stream().filter((span) -> span.getName().equals("query Traced")).findFirst()
			.orElseThrow(() -> new AssertionError("no operation span in " + names(trace)));
		assertThat(operation.getParentSpanId()).isEqualTo(http.getSpanId());
		List<Span> sql = trace.stream().filter((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_CLIENT).toList();
		assertThat(sql).hasSize(statements);
		assertThat(sql).allSatisfy((span) -> assertThat(span.getParentSpanId()).isEqualTo(operation.getSpanId()));
	}

	/** The spans of the client's trace, once its SQL spans and the server span have all arrived. */
	private static List<Span> awaitSpans(int statements) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		List<Span> trace;
		do {
			trace = receiver.spans().stream().filter((span) -> hex(span.getTraceId()).equals(TRACE_ID)).toList();
			boolean complete = trace.stream().filter((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
				.count() >= statements
					&& trace.stream().anyMatch((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER);
			if (complete) {
				Thread.sleep(500);   // anything else of the trace that was still in flight
				return receiver.spans().stream().filter((span) -> hex(span.getTraceId()).equals(TRACE_ID)).toList();
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("The trace did not arrive complete; got " + names(trace));
	}

	private static Span single(List<Span> spans, Span.SpanKind kind) {
		List<Span> found = spans.stream().filter((span) -> span.getKind() == kind).toList();
		assertThat(found).as("%s spans in %s", kind, names(spans)).hasSize(1);
		return found.get(0);
	}

	private static List<String> names(List<Span> spans) {
		return spans.stream().map((span) -> span.getKind() + " " + span.getName()).toList();
	}

	private static String hex(com.google.protobuf.ByteString bytes) {
		return HexFormat.of().formatHex(bytes.toByteArray());
	}

}
