package dev.inkwell.user;

/** What login needs to know about a user, and the only record that carries the password hash. */
public record UserCredentials(Long id, String hashedPassword, boolean isActive) {

}
