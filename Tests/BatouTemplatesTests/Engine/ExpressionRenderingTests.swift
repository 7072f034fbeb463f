import BatouTemplates
import Testing

@Suite struct ExpressionRenderingTests {
    @Test(arguments: [
        ("{{ 1 + 2 * 3 }} {{ 7 // 2 }} {{ 7 % 3 }} {{ 2 ** 10 }} {{ 7 / 2 }}", "7 3 1 1024 3.5"),
        ("{{ 2 ** 3 ** 2 }} {{ 3 - 2 - 1 }} {{ -1 | abs }}", "64 0 1"),
        (#"{{ "a\tb\x41\u00e9\\" }} {{ 'x' "y" }}"#, "a\tbAé\\ xy"),
        ("{{ [1, 'a'] }} {{ (1,) }} {{ {'a': 1} }} {{ true }} {{ None }} {{ 1e3 }} {{ 0x1F }} {{ 1_000 }}",
         "[1, 'a'] (1,) {'a': 1} True None 1000.0 31 1000"),
        ("{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} {{ 'a' in 'abc' }} {{ 4 not in [1] }} {{ not 1 }}",
         "True False True True False"),
        ("{{ 0 or 'x' }} {{ 1 and 'y' }} {{ '' and 5 }}", "x y "),
        ("{{ 'yes' if 1 else 'no' }} [{{ 'yes' if 0 }}] {{ 'a' ~ 1 ~ ('b' if 0) }}", "yes [] a1"),
        ("{{ d.a }} {{ d['b'][1] }} {{ d.b.0 }} {{ [1, 2, 3][1:] }} {{ 'abc'[::-1] }}", "1 2 1 [2, 3] cba"),
        ("{{ 'ab' | upper }} {{ [1, 2] | join(', ') }} {{ 'abc' | replace('b', 'x') | upper }}", "AB 1, 2 AXC"),
        ("{{ x is defined }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(4) }} {{ 1 is not none }}",
         "False True False True"),
    ])
    func rendersAsJinja(source: String, expected: String) throws {
        #expect(try render(source, ["d": ["a": 1, "b": [1, 2]]]) == expected)
    }

    @Test func callsSpreadPositionalAndKeywordArguments() throws {
        let source = "{% macro f(a, b, c) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ f(*[1, 2, 3]) }} {{ f(1, **{'b': 2, 'c': 3}) }}"
        #expect(try render(source) == "123 123")
    }

    @Test func globalsAreAvailable() throws {
        #expect(try render("{{ range(3) | list }} {{ dict(a=1) }}") == "[0, 1, 2] {'a': 1}")
    }
}
