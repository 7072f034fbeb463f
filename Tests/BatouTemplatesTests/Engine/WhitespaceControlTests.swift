import BatouTemplates
import Testing

@Suite struct WhitespaceControlTests {
    @Test(arguments: [
        ("  {%- if true -%}  x  {%- endif -%}  \n", "x"),
        ("{{- 'a' -}}   {{ 1 }}", "a1"),
        ("a  {%- raw -%}  {{ x }}  {%- endraw -%}  b", "a{{ x }}b"),
        ("a {#- strip -#} b", "ab"),
        ("{% for i in range(3) -%}\n{{ i }}\n{% endfor -%}\n", "0\n1\n2\n"),
        ("{%+ if true +%}  a  {%+ endif %}", "  a  "),
        ("{% if true %}\n  a\n{% endif %}\n", "\n  a\n\n"),
    ])
    func stripsAsJinja(source: String, expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test func keepsTheTrailingNewline() throws {
        #expect(try render("a\n") == "a\n")
    }

    @Test func readsWindowsNewlinesAsNewlines() throws {
        #expect(try render("a\r\nb\rc") == "a\nb\nc")
    }
}

@Suite struct LineStatementTests {
    @Test func linesStartingWithTheprefixAreStatements() throws {
        let source = "@@ if v\none\n@@ endif\n@@ for i in [1, 2]\n  i={{ i }}\n@@ endfor\nend\n"
        #expect(try render(source, ["v": 1]) == "one\n  i=1\n  i=2\nend\n")
    }

    @Test func indentedStatementsDropTheirIndentation() throws {
        #expect(try render("  @@ for i in [1, 2]\n  {{ i }}\n  @@ endfor\n") == "  1\n  2\n")
    }

    @Test func blankLinesAfterAStatementAreSwallowed() throws {
        #expect(try render("@@ if true\n\n\na\n@@ endif") == "a\n")
    }

    @Test func statementsContinueInsideBrackets() throws {
        #expect(try render("@@ set x = [1,\n  2]\n{{ x }}") == "[1, 2]")
    }

    @Test func thePrefixInsideALineIsText() throws {
        #expect(try render("text @@ not a statement") == "text @@ not a statement")
    }
}
