import BatouTemplates
import Testing

@Suite struct MacroTests {
    @Test func parametersTakeDefaults() throws {
        let source = "{% macro m(a, b=a * 2) %}{{ a }}-{{ b }}{% endmacro %}{{ m(1) }} {{ m(1, 3) }} {{ m(b=4, a=0) }}"
        #expect(try render(source) == "1-2 1-3 0-4")
    }

    @Test func extraArgumentsGoToVarargsAndKwargs() throws {
        let source = "{% macro m(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, k=3) }}"
        #expect(try render(source) == "1(2,){'k': 3}")
    }

    @Test func callBlocksAreTheCaller() throws {
        let source = "{% macro m() %}[{{ caller(5) }}]{% endmacro %}{% call(x) m() %}got {{ x }}{% endcall %}"
        #expect(try render(source) == "[got 5]")
    }

    @Test func macrosSeeTheLatestValuesOfTheirTemplate() throws {
        #expect(try render("{% set x = 1 %}{% macro m() %}{{ x }}{% endmacro %}{% set x = 2 %}{{ m() }}") == "2")
    }

    @Test(arguments: [
        ("{{ m(1, 2) }}", TemplateError.Kind.type, "macro 'm' takes not more than 1 argument(s)."),
        ("{{ m(b=1) }}", .type, "macro 'm' takes no keyword argument 'b'."),
    ])
    func argumentsThatDontFitFailWhereCalled(call: String, kind: TemplateError.Kind, message: String) {
        #expect(throws: TemplateError(kind: kind, template: "test.conf", line: 2, message: message)) {
            try render("{% macro m(a) %}{{ a }}{% endmacro %}\n" + call)
        }
    }

    @Test func missingArgumentsFailWhereTheMacroUsesThem() {
        #expect(throws: TemplateError(
            kind: .undefined, template: "test.conf", line: 1, message: "parameter 'a' was not provided."
        )) {
            try render("{% macro m(a) %}{{ a }}{% endmacro %}\n{{ m() }}")
        }
    }
}
