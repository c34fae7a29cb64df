package dev.inkwell.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.inkwell.startup.StartupProblem;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Puts the client's address into the GraphQL context as {@code clientAddress}, for per-address
 * limits. {@code X-Forwarded-For} is believed only as far as it was written by the proxies in
 * TRUSTED_PROXIES: walking it from the right (the entry the nearest proxy appended), the first
 * address that is not a trusted proxy is the client. Anything a client wrote further left is
 * ignored, so a client cannot pick the address it is counted under.
 */
@Component
class ClientAddressInterceptor implements WebGraphQlInterceptor {

	static final String CONTEXT_KEY = "clientAddress";

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private final List<AddressRange> trustedProxies = new ArrayList<>();

	ClientAddressInterceptor(@Value("${inkwell.trusted-proxies:}") List<String> trustedProxies) {
		for (String cidr : trustedProxies) {
			if (!cidr.isBlank()) {
				this.trustedProxies.add(range(cidr.trim()));
			}
		}
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		InetSocketAddress remote = request.getRemoteAddress();
		String peer = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
		String address = (peer != null) ? clientAddress(peer, request.getHeaders().getValuesAsList(FORWARDED_FOR))
				: "unknown";
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.of(CONTEXT_KEY, address))
			.build());
		return chain.next(request);
	}

	/** The right-most address that is not a trusted proxy; the peer itself if it is not one. */
	String clientAddress(String peer, List<String> forwardedFor) {
		String client = peer;
		List<String> hops = new ArrayList<>();
		forwardedFor.forEach((header) -> hops.addAll(List.of(header.split(","))));
		for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
			InetAddress hop = AddressRange.literal(hops.get(i).trim());
			if (hop == null) {
				// Not an address: a trusted proxy did not write it, so whoever sent it to `client` did.
				break;
			}
			client = hop.getHostAddress();
		}
		return client;
	}

	private boolean trusted(String address) {
		InetAddress parsed = AddressRange.literal(address);
		return parsed != null && this.trustedProxies.stream().anyMatch((range) -> range.contains(parsed));
	}

	private static AddressRange range(String cidr) {
		try {
			return AddressRange.parse(cidr);
		}
		catch (IllegalArgumentException ex) {
			throw new StartupProblem("TRUSTED_PROXIES contains '" + cidr + "', which is not an IP address or CIDR range.",
					"Set TRUSTED_PROXIES to a comma-separated list such as 10.0.0.0/8,192.168.1.10");
		}
	}

}
