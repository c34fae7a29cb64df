package dev.inkwell.user;

/**
 * What authenticating a token needs to know of its account, read once per authenticated request
 * ({@link UserReadStore#tokenOwner}). A token is honoured only while its version claim equals the
 * account's {@code token_version}, which logout, a new password and deactivation raise (the last
 * two by a trigger).
 */
public record TokenOwner(long id, boolean isActive, boolean isSuperuser, int tokenVersion) {

	/** Whether a token issued with {@code tokenVersion} still speaks for this account. */
	public boolean honours(int tokenVersion) {
		return this.isActive && this.tokenVersion == tokenVersion;
	}

}
