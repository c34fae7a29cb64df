package dev.inkwell.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt, as the FastAPI tutorial's passlib stores it: its existing $2a$, $2b$ and $2y$ hashes
 * verify, so Inkwell can take over such a database and its users keep their passwords.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder(AuthProperties properties) {
		return new BCryptPasswordEncoder(properties.bcryptStrength());
	}

}
