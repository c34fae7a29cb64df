package dev.inkwell.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** One CIDR range (or single address) of TRUSTED_PROXIES, IPv4 or IPv6. */
record AddressRange(byte[] network, int prefixLength) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	/** @throws IllegalArgumentException if {@code cidr} is no address or range */
	static AddressRange parse(String cidr) {
		int slash = cidr.indexOf('/');
		InetAddress address = literal((slash >= 0) ? cidr.substring(0, slash) : cidr);
		if (address == null) {
			throw new IllegalArgumentException(cidr);
		}
		int bits = address.getAddress().length * 8;
		int prefix = (slash >= 0) ? Integer.parseInt(cidr.substring(slash + 1)) : bits;
		if (prefix < 0 || prefix > bits) {
			throw new IllegalArgumentException(cidr);
		}
		return new AddressRange(address.getAddress(), prefix);
	}

	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != this.network.length) {
			return false;
		}
		for (int bit = 0; bit < this.prefixLength; bit++) {
			int mask = 0x80 >>> (bit % 8);
			if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
				return false;
			}
		}
		return true;
	}

	/** The address an IP literal names, or null if it is none (never a DNS lookup). */
	static InetAddress literal(String text) {
		boolean looksLikeIp = IPV4.matcher(text).matches() || (text.contains(":") && IPV6.matcher(text).matches());
		if (!looksLikeIp) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return null;
		}
	}

}
