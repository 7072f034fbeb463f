import BatouTemplates
import Testing

@Suite struct ErrorLocationTests {
    @Test(arguments: [
        ("a\n{{ port }}", TemplateError.Kind.undefined, 2, "'port' is undefined."),
        ("a\n{{ \n x }}", .undefined, 3, "'x' is undefined."),
        ("{% for a in [1] %}\n{{ a.b.c }}{% endfor %}", .undefined, 2, "'int object' has no attribute 'b'."),
        ("{{ 1 / 0 }}", .zeroDivision, 1, "division by zero."),
        ("{% for a, b in [1] %}{% endfor %}", .type, 1, "cannot unpack non-iterable int object."),
        ("{% set a, b = [1] %}", .value, 1, "not enough values to unpack (expected 2, got 1)."),
        ("{{ 1() }}", .type, 1, "'int' object is not callable."),
        ("{% set a = 1 %}{% set a.b = 1 %}", .runtime, 1, "cannot assign attribute on non-namespace object."),
        ("{{ (1 if false) + 1 }}", .undefined, 1,
         "the inline if-expression on line 1 evaluated to false and no else section was defined."),
        ("{% macro m() %}\n{{ nope }}\n{% endmacro %}\n{{ m() }}", .undefined, 2, "'nope' is undefined."),
    ])
    func renderingFailuresSayWhere(source: String, kind: TemplateError.Kind, line: Int, message: String) {
        #expect(throws: TemplateError(kind: kind, template: "test.conf", line: line, message: message)) {
            try render(source)
        }
    }

    @Test(arguments: [
        ("{{ [1,\n2] | nofilter }}", 2, "No filter named 'nofilter'."),
        ("{{ 1 is notest }}", 1, "No test named 'notest'."),
        ("{% if x %}", 1,
         "Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'."),
        ("x\n{% endif %}", 2, "Encountered unknown tag 'endif'."),
        ("{{ x ", 1, "unexpected end of template, expected 'end of print statement'."),
        ("{{ x }", 1, "unexpected '}'."),
        ("{{ $ }}", 1, "unexpected char '$' at 3."),
        ("a\n{# open", 2, "Missing end of comment tag."),
        ("{% set 1 = 2 %}", 1, "can't assign to 'const'."),
        ("{% macro m(a=1, b) %}{% endmacro %}", 1, "non-default argument follows default argument."),
    ])
    func syntaxErrorsSayWhere(source: String, line: Int, message: String) {
        #expect(throws: TemplateError(kind: .syntax, template: "test.conf", line: line, message: message)) {
            try render(source)
        }
    }

    @Test func errorsFromCallablesPassThroughUnchanged() {
        let inner = TemplateError(kind: .value, template: "elsewhere", line: 7, message: "Bad value.")
        let failing = TemplateCallable(name: "failing") { _ in throw inner }
        #expect(throws: inner) { try render("{{ failing() }}", ["failing": .callable(failing)]) }
    }
}
