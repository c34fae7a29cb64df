package dev.inkwell.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test server runs without JWT_SECRET: its tokens are signed with a random secret kept in the
 * database, which another instance on that database shares, and no secret from the source works.
 */
class GeneratedSigningSecretTest extends IntegrationTest {

	@Autowired
	StoredSigningSecret stored;

	@Test
	void theSecretIsRandomKeptInTheDatabaseAndSharedByEveryInstance() {
		Account ada = register("ada");
		String secret = this.db.sql("SELECT value FROM server_secrets WHERE name = 'jwt'")
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(64);

		// A second instance on the same database (no JWT_SECRET either) accepts the first one's tokens.
		AccessTokens second = new AccessTokens(new AuthProperties("", Duration.ofHours(1), 4), new MockEnvironment(),
				this.stored);
		assertThat(second.verify(ada.token()).block().userId()).isEqualTo(Long.parseLong(
				new String(java.util.Base64.getUrlDecoder().decode(ada.id()), StandardCharsets.UTF_8).split(":")[1]));
		assertThat(this.stored.load().block()).isEqualTo(secret);
	}

	@Test
	void aTokenSignedWithTheFormerlyPublicDevelopmentSecretIsRefused() {
		register("ada");
		long rowId = this.db.sql("SELECT id FROM users").map((row) -> row.get(0, Long.class)).one().block();
		String forged = forge("inkwell-development-secret-not-for-production-use", rowId);
		singleError(as(forged).documentName("me").execute(), "UNAUTHORIZED", null);
		String withTheStoredSecret = forge(this.stored.load().block(), rowId);
		as(withTheStoredSecret).documentName("me").execute().path("me.username").entity(String.class).isEqualTo("ada");
	}

	private static String forge(String secret, long userId) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(
				new ImmutableSecret<>(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		JwtClaimsSet claims = JwtClaimsSet.builder().issuer("inkwell").subject(Long.toString(userId))
			.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).claim("ver", 0).build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

}
