import BatouTemplates
import Testing

@Suite struct StatementRenderingTests {
    @Test(arguments: [
        ("{% if v == 1 %}one{% elif v == 2 %}two{% else %}other{% endif %}", "two"),
        ("{% set x = 5 %}{% set a, b = 1, 2 %}{{ x }}{{ a }}{{ b }}", "512"),
        ("{% set x %}block {{ v }}{% endset %}[{{ x }}]{% set y | upper %}up{% endset %}{{ y }}", "[block 2]UP"),
        ("{% set ns = namespace(c=0) %}{% for i in [1, 2] %}{% set ns.c = ns.c + i %}{% endfor %}{{ ns.c }}", "3"),
        ("{% raw %}{{ not }}{% endraw %}", "{{ not }}"),
        ("{% filter upper %}abc {{ v }}{% endfilter %}", "ABC 2"),
        ("{% with a = 1, b = v %}{{ a }}{{ b }}{% endwith %}", "12"),
        ("{% print v, 'x' %}", "2x"),
        ("a {# comment #} b", "a  b"),
    ])
    func rendersAsJinja(source: String, expected: String) throws {
        #expect(try render(source, ["v": 2]) == expected)
    }

    @Test func setInsideAnIfIsSeenAfterIt() throws {
        #expect(try render("{% if true %}{% set x = 5 %}{% endif %}{{ x }}") == "5")
    }

    @Test func setInsideALoopStaysInTheLoop() throws {
        #expect(try render("{% set x = 1 %}{% for i in [1] %}{{ x }}{% set x = 2 %}{{ x }}{% endfor %}{{ x }}") == "121")
    }

    @Test func breakIsNotEnabled() {
        #expect(throws: TemplateError(
            kind: .syntax, template: "test.conf", line: 1,
            message: "Encountered unknown tag 'break'. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'."
        )) {
            try render("{% for x in [1] %}{% break %}{% endfor %}")
        }
    }
}
