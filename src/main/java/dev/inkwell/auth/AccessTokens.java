package dev.inkwell.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.startup.StartupProblem;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Issues and verifies the signed (HS256) JWT access tokens that clients send as Bearer tokens. */
@Component
public class AccessTokens {

	private static final Log logger = LogFactory.getLog(AccessTokens.class);

	static final String ISSUER = "inkwell";

	/** Public, so only fit for development: the prod profile refuses to start with it. */
	static final String DEVELOPMENT_SECRET = "inkwell-development-secret-not-for-production-use";

	private static final int MIN_SECRET_BYTES = 32;

	private final AuthProperties properties;

	private final NimbusJwtEncoder encoder;

	private final NimbusReactiveJwtDecoder decoder;

	AccessTokens(AuthProperties properties, Environment environment) {
		this.properties = properties;
		SecretKey key = new SecretKeySpec(secret(properties, environment).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		this.decoder = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		this.decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
	}

	public AccessToken issue(long userId) {
		return issue(userId, Instant.now());
	}

	AccessToken issue(long userId, Instant issuedAt) {
		Instant expiresAt = issuedAt.plus(this.properties.tokenTtl());
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(Long.toString(userId))
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new AccessToken(token, expiresAt.atOffset(ZoneOffset.UTC));
	}

	/** The user id a valid token was issued to; UNAUTHORIZED for expired, tampered or foreign tokens. */
	Mono<Long> verify(String token) {
		return this.decoder.decode(token)
			.map((jwt) -> Long.parseLong(jwt.getSubject()))
			.onErrorMap(JwtException.class, AccessTokens::rejection)
			.onErrorMap(NumberFormatException.class, (ex) -> invalidToken());
	}

	private static ApiException rejection(JwtException ex) {
		boolean expired = ex instanceof JwtValidationException validation && validation.getErrors()
			.stream()
			.anyMatch((error) -> String.valueOf(error.getDescription()).contains("expired"));
		return expired ? ApiException.unauthorized("The access token has expired; log in again") : invalidToken();
	}

	private static ApiException invalidToken() {
		return ApiException.unauthorized("The access token is invalid; log in again to get a new one");
	}

	private static String secret(AuthProperties properties, Environment environment) {
		if (!StringUtils.hasText(properties.jwtSecret())) {
			if (environment.acceptsProfiles(Profiles.of("prod"))) {
				throw new StartupProblem("JWT_SECRET is not set, and the prod profile does not run with the "
						+ "public development secret (anyone could sign tokens with it).",
						"Set JWT_SECRET to a random value of at least " + MIN_SECRET_BYTES
								+ " bytes, e.g. the output of: openssl rand -base64 48");
			}
			logger.warn("""

					**************************************************************************
					*  JWT_SECRET is not set: access tokens are signed with the public       *
					*  development secret. Anyone can forge them. Set JWT_SECRET before      *
					*  exposing this server (the prod profile refuses to start without it). *
					**************************************************************************""");
			return DEVELOPMENT_SECRET;
		}
		if (properties.jwtSecret().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
			throw new StartupProblem("JWT_SECRET is shorter than " + MIN_SECRET_BYTES + " bytes, too short for HS256.",
					"Use a random value of at least " + MIN_SECRET_BYTES
							+ " bytes, e.g. the output of: openssl rand -base64 48");
		}
		if (DEVELOPMENT_SECRET.equals(properties.jwtSecret()) && environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new StartupProblem("JWT_SECRET is the public development secret.",
					"Set JWT_SECRET to a random value, e.g. the output of: openssl rand -base64 48");
		}
		return properties.jwtSecret();
	}

}
