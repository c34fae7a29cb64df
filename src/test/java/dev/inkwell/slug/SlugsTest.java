package dev.inkwell.slug;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Hello World                      | hello-world
			  Héllo, Wörld!  Ça va?          | hello-world-ca-va
			Crème brûlée à la Ørsted         | creme-brulee-a-la-orsted
			Straße & Łódź                    | strasse-lodz
			GraphQL + Java 17 = ❤            | graphql-java-17
			---Already--slugged---           | already-slugged
			ﬁne ligature                     | fine-ligature
			Привет, мир                      | post
			日本語のタイトル                   | post
			!!!                              | post
			""")
	void slugsAreLowerCaseAsciiWithSingleDashes(String title, String slug) {
		assertThat(Slugs.of(title, 190, "post")).isEqualTo(slug);
	}

	@ParameterizedTest
	@CsvSource({ "abcdef ghij, 7, abcdef", "abc def, 4, abc" })
	void slugsAreCutWithoutATrailingDash(String title, int maxLength, String slug) {
		assertThat(Slugs.of(title, maxLength, "post")).isEqualTo(slug);
	}

}
