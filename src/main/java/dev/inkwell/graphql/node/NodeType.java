package dev.inkwell.graphql.node;

/** The GraphQL types that implement {@code Node}; each has global ids of the form Type:id. */
public enum NodeType {

	USER("User"), POST("Post"), COMMENT("Comment"), TAG("Tag");

	private final String typeName;

	NodeType(String typeName) {
		this.typeName = typeName;
	}

	public String typeName() {
		return this.typeName;
	}

	static NodeType ofTypeName(String typeName) {
		for (NodeType type : values()) {
			if (type.typeName.equals(typeName)) {
				return type;
			}
		}
		return null;
	}

}
