package dev.inkwell.auth;

import java.time.Duration;

import dev.inkwell.startup.StartupProblem;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensSecretTest {

	private static final String REAL_SECRET = "a-real-secret-that-is-long-enough-for-hs256!";

	@Test
	void prodProfileRefusesToStartWithoutASecret() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		assertThatThrownBy(() -> new AccessTokens(properties(""), prod)).isInstanceOf(StartupProblem.class)
			.hasMessageContaining("JWT_SECRET");
		assertThatThrownBy(() -> new AccessTokens(properties(AccessTokens.DEVELOPMENT_SECRET), prod))
			.isInstanceOf(StartupProblem.class);
	}

	@Test
	void tooShortSecretIsRefusedInAnyProfile() {
		assertThatThrownBy(() -> new AccessTokens(properties("short"), new MockEnvironment()))
			.isInstanceOf(StartupProblem.class)
			.hasMessageContaining("32 bytes");
	}

	@Test
	void tokensFromOneSecretDoNotVerifyUnderAnother() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		AccessTokens real = new AccessTokens(properties(REAL_SECRET), prod);
		AccessTokens development = new AccessTokens(properties(""), new MockEnvironment());
		String token = real.issue(42).token();
		StepVerifier.create(real.verify(token)).expectNext(42L).verifyComplete();
		StepVerifier.create(development.verify(token))
			.expectErrorSatisfies((error) -> org.assertj.core.api.Assertions.assertThat(error)
				.hasMessageContaining("invalid"))
			.verify();
	}

	private static AuthProperties properties(String secret) {
		return new AuthProperties(secret, Duration.ofHours(1), 4);
	}

}
