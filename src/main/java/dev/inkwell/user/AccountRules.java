package dev.inkwell.user;

/** The rules an account's username, email and password follow, for register and updateMe alike. */
public final class AccountRules {

	public static final String USERNAME_PATTERN = "[A-Za-z0-9_.-]{3,50}";

	public static final String USERNAME_RULE = "must be 3 to 50 characters: letters, digits, '_', '.' or '-'";

	/** Stricter than bare {@code @Email}, which accepts "a@b": the domain needs a dot. */
	public static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	public static final String EMAIL_RULE = "must be a valid email address";

	/** BCrypt uses at most 72 bytes of a password; more would silently be ignored. */
	public static final String PASSWORD_RULE = "must be 8 to 72 characters";

	private AccountRules() {
	}

}
