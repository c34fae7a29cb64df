package dev.inkwell.edge.cache;

/**
 * How a response may be cached: for {@code maxAge} seconds (0: not at all), and by shared caches
 * unless {@code isPrivate}.
 */
record CachePolicy(int maxAge, boolean isPrivate) {

	static final CachePolicy NO_STORE = new CachePolicy(0, false);

	boolean isPublicAndCacheable() {
		return this.maxAge > 0 && !this.isPrivate;
	}

	/** The Cache-Control header for an error-free answer to an anonymous request. */
	String header() {
		if (this.isPrivate) {
			return "private, no-store";
		}
		return (this.maxAge > 0) ? "public, max-age=" + this.maxAge : "no-store";
	}

}
