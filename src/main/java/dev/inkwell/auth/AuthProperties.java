package dev.inkwell.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret HMAC key for access tokens (JWT_SECRET), at least 32 bytes; blank means the
 * development default, which the prod profile refuses
 * @param tokenTtl how long an access token stays valid (JWT_TTL)
 * @param bcryptStrength BCrypt cost factor for new password hashes
 */
@ConfigurationProperties("inkwell.auth")
public record AuthProperties(String jwtSecret, Duration tokenTtl, int bcryptStrength) {

	public AuthProperties {
		tokenTtl = (tokenTtl != null) ? tokenTtl : Duration.ofHours(24);
		bcryptStrength = (bcryptStrength > 0) ? bcryptStrength : 10;
	}

}
