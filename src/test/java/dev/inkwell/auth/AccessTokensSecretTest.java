package dev.inkwell.auth;

import java.time.Duration;

import dev.inkwell.startup.StartupProblem;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configured secret's rules; the generated one is {@link GeneratedSigningSecretTest}'s. */
class AccessTokensSecretTest {

	private static final String REAL_SECRET = "a-real-secret-that-is-long-enough-for-hs256!";

	@Test
	void prodProfileRefusesToStartWithoutASecret() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		assertThatThrownBy(() -> new AccessTokens(properties(""), prod, null)).isInstanceOf(StartupProblem.class)
			.hasMessageContaining("JWT_SECRET is not set");
	}

	@Test
	void tooShortSecretIsRefusedInAnyProfile() {
		assertThatThrownBy(() -> new AccessTokens(properties("short"), new MockEnvironment(), null))
			.isInstanceOf(StartupProblem.class)
			.hasMessageContaining("32 bytes");
	}

	@Test
	void tokensFromOneSecretDoNotVerifyUnderAnother() {
		AccessTokens real = new AccessTokens(properties(REAL_SECRET), new MockEnvironment(), null);
		AccessTokens other = new AccessTokens(properties(REAL_SECRET + "-other"), new MockEnvironment(), null);
		String token = real.issue(42, 3).block().token();
		StepVerifier.create(real.verify(token)).expectNext(new AccessTokens.Claims(42, 3)).verifyComplete();
		StepVerifier.create(other.verify(token))
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("invalid"))
			.verify();
	}

	private static AuthProperties properties(String secret) {
		return new AuthProperties(secret, Duration.ofHours(1), 4);
	}

}
