package dev.inkwell.startup;

/**
 * A reason Inkwell refuses to start that the operator can fix: reported as one paragraph
 * (what is wrong, what to do) instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

	private final String action;

	public StartupProblem(String description, String action) {
		this(description, action, null);
	}

	public StartupProblem(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
