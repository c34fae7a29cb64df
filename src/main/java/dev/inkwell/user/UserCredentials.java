package dev.inkwell.user;

/**
 * What login needs to know about a user, and the only record that carries the password hash.
 *
 * @param tokenVersion goes into the tokens issued, which stay valid while it is the account's
 */
public record UserCredentials(Long id, String hashedPassword, boolean isActive, int tokenVersion) {

}
