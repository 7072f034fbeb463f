import Testing

@Suite struct TextDifferenceTests {
    @Test func pointsAtTheFirstDifferentLineWithTheOneBefore() {
        let difference = TextDifference(expected: "a\nb\nc\n", actual: "a\nb \nc\n")
        #expect(
            difference.description == """
                Line 2 differs (- Jinja2, + engine):
                  1 "a"
                - 2 "b"
                + 2 "b "
                Jinja2: "a\\nb\\nc\\n"
                engine: "a\\nb \\nc\\n"
                """)
    }

    @Test func showsAMissingLastNewline() {
        let difference = TextDifference(expected: "a\n", actual: "a")
        #expect(difference.description.hasPrefix("Line 2 differs (- Jinja2, + engine):\n  1 \"a\"\n- 2 \"\"\n+ 2 (no such line)\n"))
    }
}
