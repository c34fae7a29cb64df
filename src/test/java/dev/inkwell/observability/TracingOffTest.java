package dev.inkwell.observability;

import dev.inkwell.IntegrationTest;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an OTLP endpoint tracing is off: no tracing handler runs, a traceparent changes nothing. */
class TracingOffTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	@Test
	void noSpanIsEverStarted() {
		assertThat(this.context.getBeanNamesForType(TracingObservationHandler.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(io.opentelemetry.sdk.trace.SdkTracerProvider.class)).isEmpty();
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
			.bodyValue("{\"query\":\"{ me { id } }\"}").exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist("traceparent");
	}

}
