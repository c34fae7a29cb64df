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
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Issues and verifies the signed (HS256) JWT access tokens that clients send as Bearer tokens.
 * The key is JWT_SECRET; without it (never under the prod profile), a random secret generated on
 * first start and kept in the database ({@link StoredSigningSecret}).
 */
@Component
public class AccessTokens {

	private static final Log logger = LogFactory.getLog(AccessTokens.class);

	static final String ISSUER = "inkwell";

	/** The claim holding the account's token version when the token was issued (see {@link dev.inkwell.user.TokenOwner}). */
	static final String VERSION_CLAIM = "ver";

	private static final int MIN_SECRET_BYTES = 32;

	private static final String HOW_TO_SET = "Set JWT_SECRET to a random value of at least " + MIN_SECRET_BYTES
			+ " bytes, e.g. the output of: openssl rand -base64 48";

	private final AuthProperties properties;

	/** Loaded once; a failed load (database not there yet) is retried by the next request. */
	private final Mono<Keys> keys;

	AccessTokens(AuthProperties properties, Environment environment, StoredSigningSecret stored) {
		this.properties = properties;
		this.keys = configuredKeys(properties, environment, stored);
	}

	/** A token for the user, carrying their current token version. */
	public Mono<AccessToken> issue(long userId, int tokenVersion) {
		return issue(userId, tokenVersion, Instant.now());
	}

	Mono<AccessToken> issue(long userId, int tokenVersion, Instant issuedAt) {
		Instant expiresAt = issuedAt.plus(this.properties.tokenTtl());
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(Long.toString(userId))
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.claim(VERSION_CLAIM, tokenVersion)
			.build();
		return this.keys.map((keys) -> new AccessToken(keys.encoder()
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue(), expiresAt.atOffset(ZoneOffset.UTC)));
	}

	/** What a valid token says; UNAUTHORIZED for expired, tampered or foreign tokens. */
	Mono<Claims> verify(String token) {
		return this.keys.flatMap((keys) -> keys.decoder().decode(token))
			.map(AccessTokens::claims)
			.onErrorMap(JwtException.class, AccessTokens::rejection)
			.onErrorMap(NumberFormatException.class, (ex) -> invalidToken())
			.onErrorMap(ClassCastException.class, (ex) -> invalidToken());
	}

	/** @param tokenVersion the account's token version at issue; 0 for tokens from before versions existed */
	record Claims(long userId, int tokenVersion) {
	}

	private static Claims claims(Jwt jwt) {
		Object version = jwt.getClaims().get(VERSION_CLAIM);
		return new Claims(Long.parseLong(jwt.getSubject()), (version != null) ? ((Number) version).intValue() : 0);
	}

	private static ApiException rejection(JwtException ex) {
		boolean expired = ex instanceof JwtValidationException validation && validation.getErrors()
			.stream()
			.anyMatch((error) -> String.valueOf(error.getDescription()).contains("expired"));
		return expired ? ApiException.unauthorized("The access token has expired; log in again") : invalidToken();
	}

	static ApiException invalidToken() {
		return ApiException.unauthorized("The access token is invalid; log in again to get a new one");
	}

	private record Keys(NimbusJwtEncoder encoder, NimbusReactiveJwtDecoder decoder) {

		static Keys of(String secret) {
			SecretKey key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
				.macAlgorithm(MacAlgorithm.HS256)
				.build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
			return new Keys(new NimbusJwtEncoder(new ImmutableSecret<>(key)), decoder);
		}

	}

	private static Mono<Keys> configuredKeys(AuthProperties properties, Environment environment,
			StoredSigningSecret stored) {
		String secret = properties.jwtSecret();
		if (StringUtils.hasText(secret)) {
			if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
				throw new StartupProblem("JWT_SECRET is shorter than " + MIN_SECRET_BYTES + " bytes, too short for HS256.",
						HOW_TO_SET);
			}
			return Mono.just(Keys.of(secret));
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new StartupProblem("JWT_SECRET is not set. The prod profile needs a secret of its own to sign "
					+ "access tokens; it does not generate one.", HOW_TO_SET);
		}
		if (stored == null) {
			throw new StartupProblem("JWT_SECRET is not set and there is no database to keep a generated one in.",
					HOW_TO_SET);
		}
		logger.warn("""

				**************************************************************************
				*  JWT_SECRET is not set: access tokens are signed with a random secret *
				*  generated on first start and kept in the database (server_secrets),  *
				*  shared by every instance using it. Anyone who can read that table    *
				*  can sign tokens. Set JWT_SECRET before exposing this server (the     *
				*  prod profile refuses to start without it).                           *
				**************************************************************************""");
		return Mono.defer(stored::load).map(Keys::of).cacheInvalidateIf((keys) -> false);
	}

}
