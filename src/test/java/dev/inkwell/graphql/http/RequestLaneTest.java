package dev.inkwell.graphql.http;

import java.nio.charset.StandardCharsets;

import dev.inkwell.admission.AdmissionGate.Lane;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLaneTest {

	@Test
	void mutationsAndLoginsTakeTheWriteLane() {
		assertThat(lane("{\"query\":\"mutation { login(input: {login: \\\"a\\\", password: \\\"b\\\"}) { token } }\"}"))
			.isEqualTo(Lane.WRITE);
		assertThat(lane("{\"variables\":{\"x\":[1,{\"a\":2}]},\"query\":\"  # comment\\n mutation Go($x: Int) { a }\"}"))
			.isEqualTo(Lane.WRITE);
	}

	@Test
	void queriesTakeTheReadLane() {
		assertThat(lane("{\"query\":\"{ posts { nodes { id } } }\"}")).isEqualTo(Lane.READ);
		assertThat(lane("{\"query\":\"query Feed { posts { nodes { id } } }\"}")).isEqualTo(Lane.READ);
	}

	@Test
	void theWordMutationInsideStringsCommentsOrSelectionsIsNoMutation() {
		assertThat(RequestLane.isMutation("query { posts(filter: {search: \"mutation\"}) { nodes { id } } }", null))
			.isFalse();
		assertThat(RequestLane.isMutation("# mutation\n{ a }", null)).isFalse();
		assertThat(RequestLane.isMutation("query Q { a(s: \"\"\"\n mutation \\\"\"\" x\"\"\") { mutation } }", null))
			.isFalse();
		assertThat(RequestLane.isMutation("fragment F on Mutation { a } query { ...F }", null)).isFalse();
	}

	@Test
	void theOperationNamedIsTheOneThatCounts() {
		String document = "query Read { a } mutation Write { b }";
		assertThat(RequestLane.isMutation(document, "Write")).isTrue();
		assertThat(RequestLane.isMutation(document, "Read")).isFalse();
		assertThat(RequestLane.isMutation(document, null)).as("ambiguous: the executor refuses it").isFalse();
	}

	@Test
	void aBatchWithAnyMutationTakesTheWriteLane() {
		assertThat(lane("[{\"query\":\"{ a }\"},{\"query\":\"mutation { b }\"}]")).isEqualTo(Lane.WRITE);
		assertThat(lane("[{\"query\":\"{ a }\"},{\"query\":\"{ b }\"}]")).isEqualTo(Lane.READ);
	}

	@Test
	void unreadableBodiesAreReads() {
		assertThat(lane("")).isEqualTo(Lane.READ);
		assertThat(lane("{\"query\": mutation")).isEqualTo(Lane.READ);
		assertThat(lane("{\"extensions\":{\"persistedQuery\":{\"sha256Hash\":\"abc\"}}}")).isEqualTo(Lane.READ);
	}

	private static Lane lane(String body) {
		return RequestLane.of(body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aPersistedOperationSentByHashAloneIsLeftToItsStoredDocument() {
		String hashOnly = "{\"operationName\":\"Join\",\"extensions\":{\"persistedQuery\":{\"version\":1,"
				+ "\"sha256Hash\":\"abc\"}},\"variables\":{\"a\":{\"b\":[1]}}}";
		RequestLane.Reading reading = RequestLane.read(hashOnly.getBytes(StandardCharsets.UTF_8));
		assertThat(reading.mutation()).isFalse();
		assertThat(reading.stored()).containsExactly(new RequestLane.StoredOperation("abc", "Join"));
		RequestLane.Reading withDocument = RequestLane.read(("{\"query\":\"{ a }\",\"extensions\":{\"persistedQuery\":"
				+ "{\"version\":1,\"sha256Hash\":\"abc\"}}}").getBytes(StandardCharsets.UTF_8));
		assertThat(withDocument.stored()).as("the document in the body decides").isEmpty();
	}

}
