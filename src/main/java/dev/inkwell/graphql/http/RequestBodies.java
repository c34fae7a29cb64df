package dev.inkwell.graphql.http;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/** For filters that read a POST body before the GraphQL handler does: reading it, and handing it on. */
final class RequestBodies {

	private RequestBodies() {
	}

	/** The bytes of a joined body, which is released. */
	static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/** The request with a body already read, which can be read again (an empty one stays empty). */
	static ServerHttpRequest replaying(ServerHttpRequest request, byte[] body) {
		return new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return (body.length == 0) ? Flux.empty()
						: Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
			}

		};
	}

}
