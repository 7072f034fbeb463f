import BatouTemplates
import Testing

/// Tests called directly, each case's expected text (or failure) as Jinja2 3.1.6 gives it.
@Suite struct TemplateTestsTests {
    struct Case {
        var test: String
        var value: TemplateValue
        var positional: [TemplateValue]
        var keyword: [(String, TemplateValue)]
        var expected: String

        init(_ test: String, _ value: TemplateValue, _ positional: [TemplateValue], _ keyword: [(String, TemplateValue)], _ expected: String) {
            self.test = test
            self.value = value
            self.positional = positional
            self.keyword = keyword
            self.expected = expected
        }

        /// Whether the value passes, as Python prints it, or the failure's kind and message.
        var outcome: String {
            let arguments = TemplateArguments(positional: positional, keyword: keyword.map { (name: $0.0, value: $0.1) })
            do {
                return try TemplateTests.test(named: test)!(value, arguments) ? "True" : "False"
            } catch {
                return "\(error.kind): \(error.message)"
            }
        }
    }

    private func check(_ cases: [Case], sourceLocation: SourceLocation = #_sourceLocation) {
        for testCase in cases {
            #expect(
                testCase.outcome == testCase.expected,
                "\(testCase.test)(\(testCase.value.repr), \(testCase.positional.map(\.repr)))",
                sourceLocation: sourceLocation
            )
        }
    }

    @Test func typeTestsMatchJinja() {
        let cases: [Case] = [
            Case("none", .none, [], [], "True"),
            Case("none", true, [], [], "False"),
            Case("none", 0, [], [], "False"),
            Case("none", .float(1.5), [], [], "False"),
            Case("none", "a", [], [], "False"),
            Case("none", .markup("a"), [], [], "False"),
            Case("none", .list([1]), [], [], "False"),
            Case("none", .tuple([1]), [], [], "False"),
            Case("none", .dictionary(["a": 1]), [], [], "False"),
            Case("none", .undefined("'x' is undefined"), [], [], "False"),
            Case("boolean", .none, [], [], "False"),
            Case("boolean", true, [], [], "True"),
            Case("boolean", 0, [], [], "False"),
            Case("boolean", .float(1.5), [], [], "False"),
            Case("boolean", "a", [], [], "False"),
            Case("boolean", .markup("a"), [], [], "False"),
            Case("boolean", .list([1]), [], [], "False"),
            Case("boolean", .tuple([1]), [], [], "False"),
            Case("boolean", .dictionary(["a": 1]), [], [], "False"),
            Case("boolean", .undefined("'x' is undefined"), [], [], "False"),
            Case("true", .none, [], [], "False"),
            Case("true", true, [], [], "True"),
            Case("true", 0, [], [], "False"),
            Case("true", .float(1.5), [], [], "False"),
            Case("true", "a", [], [], "False"),
            Case("true", .markup("a"), [], [], "False"),
            Case("true", .list([1]), [], [], "False"),
            Case("true", .tuple([1]), [], [], "False"),
            Case("true", .dictionary(["a": 1]), [], [], "False"),
            Case("true", .undefined("'x' is undefined"), [], [], "False"),
            Case("false", .none, [], [], "False"),
            Case("false", true, [], [], "False"),
            Case("false", 0, [], [], "False"),
            Case("false", .float(1.5), [], [], "False"),
            Case("false", "a", [], [], "False"),
            Case("false", .markup("a"), [], [], "False"),
            Case("false", .list([1]), [], [], "False"),
            Case("false", .tuple([1]), [], [], "False"),
            Case("false", .dictionary(["a": 1]), [], [], "False"),
            Case("false", .undefined("'x' is undefined"), [], [], "False"),
            Case("integer", .none, [], [], "False"),
            Case("integer", true, [], [], "False"),
            Case("integer", 0, [], [], "True"),
            Case("integer", .float(1.5), [], [], "False"),
            Case("integer", "a", [], [], "False"),
            Case("integer", .markup("a"), [], [], "False"),
            Case("integer", .list([1]), [], [], "False"),
            Case("integer", .tuple([1]), [], [], "False"),
            Case("integer", .dictionary(["a": 1]), [], [], "False"),
            Case("integer", .undefined("'x' is undefined"), [], [], "False"),
            Case("float", .none, [], [], "False"),
            Case("float", true, [], [], "False"),
            Case("float", 0, [], [], "False"),
            Case("float", .float(1.5), [], [], "True"),
            Case("float", "a", [], [], "False"),
            Case("float", .markup("a"), [], [], "False"),
            Case("float", .list([1]), [], [], "False"),
            Case("float", .tuple([1]), [], [], "False"),
            Case("float", .dictionary(["a": 1]), [], [], "False"),
            Case("float", .undefined("'x' is undefined"), [], [], "False"),
            Case("number", .none, [], [], "False"),
            Case("number", true, [], [], "True"),
            Case("number", 0, [], [], "True"),
            Case("number", .float(1.5), [], [], "True"),
            Case("number", "a", [], [], "False"),
            Case("number", .markup("a"), [], [], "False"),
            Case("number", .list([1]), [], [], "False"),
            Case("number", .tuple([1]), [], [], "False"),
            Case("number", .dictionary(["a": 1]), [], [], "False"),
            Case("number", .undefined("'x' is undefined"), [], [], "False"),
            Case("string", .none, [], [], "False"),
            Case("string", true, [], [], "False"),
            Case("string", 0, [], [], "False"),
            Case("string", .float(1.5), [], [], "False"),
            Case("string", "a", [], [], "True"),
            Case("string", .markup("a"), [], [], "True"),
            Case("string", .list([1]), [], [], "False"),
            Case("string", .tuple([1]), [], [], "False"),
            Case("string", .dictionary(["a": 1]), [], [], "False"),
            Case("string", .undefined("'x' is undefined"), [], [], "False"),
            Case("mapping", .none, [], [], "False"),
            Case("mapping", true, [], [], "False"),
            Case("mapping", 0, [], [], "False"),
            Case("mapping", .float(1.5), [], [], "False"),
            Case("mapping", "a", [], [], "False"),
            Case("mapping", .markup("a"), [], [], "False"),
            Case("mapping", .list([1]), [], [], "False"),
            Case("mapping", .tuple([1]), [], [], "False"),
            Case("mapping", .dictionary(["a": 1]), [], [], "True"),
            Case("mapping", .undefined("'x' is undefined"), [], [], "False"),
            Case("sequence", .none, [], [], "False"),
            Case("sequence", true, [], [], "False"),
            Case("sequence", 0, [], [], "False"),
            Case("sequence", .float(1.5), [], [], "False"),
            Case("sequence", "a", [], [], "True"),
            Case("sequence", .markup("a"), [], [], "True"),
            Case("sequence", .list([1]), [], [], "True"),
            Case("sequence", .tuple([1]), [], [], "True"),
            Case("sequence", .dictionary(["a": 1]), [], [], "True"),
            Case("sequence", .undefined("'x' is undefined"), [], [], "False"),
            Case("iterable", .none, [], [], "False"),
            Case("iterable", true, [], [], "False"),
            Case("iterable", 0, [], [], "False"),
            Case("iterable", .float(1.5), [], [], "False"),
            Case("iterable", "a", [], [], "True"),
            Case("iterable", .markup("a"), [], [], "True"),
            Case("iterable", .list([1]), [], [], "True"),
            Case("iterable", .tuple([1]), [], [], "True"),
            Case("iterable", .dictionary(["a": 1]), [], [], "True"),
            Case("iterable", .undefined("'x' is undefined"), [], [], "undefined: 'x' is undefined"),
            Case("callable", .none, [], [], "False"),
            Case("callable", true, [], [], "False"),
            Case("callable", 0, [], [], "False"),
            Case("callable", .float(1.5), [], [], "False"),
            Case("callable", "a", [], [], "False"),
            Case("callable", .markup("a"), [], [], "False"),
            Case("callable", .list([1]), [], [], "False"),
            Case("callable", .tuple([1]), [], [], "False"),
            Case("callable", .dictionary(["a": 1]), [], [], "False"),
            Case("callable", .undefined("'x' is undefined"), [], [], "True"),
            Case("escaped", .none, [], [], "False"),
            Case("escaped", true, [], [], "False"),
            Case("escaped", 0, [], [], "False"),
            Case("escaped", .float(1.5), [], [], "False"),
            Case("escaped", "a", [], [], "False"),
            Case("escaped", .markup("a"), [], [], "True"),
            Case("escaped", .list([1]), [], [], "False"),
            Case("escaped", .tuple([1]), [], [], "False"),
            Case("escaped", .dictionary(["a": 1]), [], [], "False"),
            Case("escaped", .undefined("'x' is undefined"), [], [], "False"),
            Case("defined", .none, [], [], "True"),
            Case("defined", true, [], [], "True"),
            Case("defined", 0, [], [], "True"),
            Case("defined", .float(1.5), [], [], "True"),
            Case("defined", "a", [], [], "True"),
            Case("defined", .markup("a"), [], [], "True"),
            Case("defined", .list([1]), [], [], "True"),
            Case("defined", .tuple([1]), [], [], "True"),
            Case("defined", .dictionary(["a": 1]), [], [], "True"),
            Case("defined", .undefined("'x' is undefined"), [], [], "False"),
            Case("undefined", .none, [], [], "False"),
            Case("undefined", true, [], [], "False"),
            Case("undefined", 0, [], [], "False"),
            Case("undefined", .float(1.5), [], [], "False"),
            Case("undefined", "a", [], [], "False"),
            Case("undefined", .markup("a"), [], [], "False"),
            Case("undefined", .list([1]), [], [], "False"),
            Case("undefined", .tuple([1]), [], [], "False"),
            Case("undefined", .dictionary(["a": 1]), [], [], "False"),
            Case("undefined", .undefined("'x' is undefined"), [], [], "True"),
        ]
        check(cases)
    }

    @Test func valueTestsMatchJinja() {
        let cases: [Case] = [
            Case("odd", 3, [], [], "True"),
            Case("odd", 4, [], [], "False"),
            Case("even", 4, [], [], "True"),
            Case("even", .integer(-2), [], [], "True"),
            Case("odd", .float(3.0), [], [], "True"),
            Case("divisibleby", 9, [3], [], "True"),
            Case("divisibleby", 9, [2], [], "False"),
            Case("divisibleby", 9, [0], [], "zeroDivision: integer modulo by zero"),
            Case("odd", "a", [], [], "type: not all arguments converted during string formatting"),
            Case("odd", .undefined("'x' is undefined"), [], [], "undefined: 'x' is undefined"),
            Case("lower", "abc", [], [], "True"),
            Case("lower", "aBc", [], [], "False"),
            Case("lower", "1", [], [], "False"),
            Case("upper", "ABC1", [], [], "True"),
            Case("upper", .undefined("'x' is undefined"), [], [], "undefined: 'x' is undefined"),
            Case("in", "a", ["abc"], [], "True"),
            Case("in", 2, [.list([1, 2])], [], "True"),
            Case("in", "k", [.dictionary(["k": 1])], [], "True"),
            Case("in", 1, [3], [], "type: argument of type 'int' is not iterable"),
            Case("eq", 1, [.float(1.0)], [], "True"),
            Case("==", "a", ["b"], [], "False"),
            Case("equalto", 1, [true], [], "True"),
            Case("ne", 1, [2], [], "True"),
            Case("!=", 1, [1], [], "False"),
            Case("gt", 2, [1], [], "True"),
            Case(">", "b", ["a"], [], "True"),
            Case("greaterthan", 1, [2], [], "False"),
            Case("ge", 2, [2], [], "True"),
            Case(">=", 1, [2], [], "False"),
            Case("lt", 1, [2], [], "True"),
            Case("<", 2, [1], [], "False"),
            Case("lessthan", "a", ["b"], [], "True"),
            Case("le", 2, [2], [], "True"),
            Case("<=", 3, [2], [], "False"),
            Case("lt", 1, ["a"], [], "type: '<' not supported between instances of 'int' and 'str'"),
            Case("eq", .undefined("'x' is undefined"), [1], [], "undefined: 'x' is undefined"),
            Case("sameas", .none, [.none], [], "True"),
            Case("sameas", false, [false], [], "True"),
            Case("sameas", 1, [true], [], "False"),
            Case("sameas", 5, [5], [], "True"),
            Case("sameas", .undefined("'x' is undefined"), [.none], [], "False"),
            Case("filter", "upper", [], [], "True"),
            Case("filter", "nosuch", [], [], "False"),
            Case("test", "odd", [], [], "True"),
            Case("test", "nosuch", [], [], "False"),
            Case("filter", .undefined("'x' is undefined"), [], [], "undefined: 'x' is undefined"),
        ]
        check(cases)
    }
}
