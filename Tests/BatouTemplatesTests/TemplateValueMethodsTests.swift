import BatouTemplates
import Testing

/// Methods of strings, dictionaries and lists called as templates call them, each case's
/// expected text (or failure) as Python 3.11 gives it.
@Suite struct TemplateValueMethodsTests {
    struct Case {
        var value: TemplateValue
        var method: String
        var positional: [TemplateValue]
        var keyword: [(String, TemplateValue)]
        var expected: String

        init(_ value: TemplateValue, _ method: String, _ positional: [TemplateValue], _ keyword: [(String, TemplateValue)], _ expected: String) {
            self.value = value
            self.method = method
            self.positional = positional
            self.keyword = keyword
            self.expected = expected
        }

        /// What the call prints, or the failure's kind and message.
        var outcome: String {
            let arguments = TemplateArguments(positional: positional, keyword: keyword.map { (name: $0.0, value: $0.1) })
            do {
                guard case .callable(let method) = try value.attribute(method) else { return "no method" }
                return try method.call(arguments).text()
            } catch let failure as TemplateFailure {
                return "\(failure.kind): \(failure.message)"
            } catch {
                return "\(error)"
            }
        }
    }

    private func check(_ cases: [Case], sourceLocation: SourceLocation = #_sourceLocation) {
        for testCase in cases {
            #expect(
                testCase.outcome == testCase.expected,
                "\(testCase.value.repr).\(testCase.method)(\(testCase.positional.map(\.repr)))",
                sourceLocation: sourceLocation
            )
        }
    }

    @Test func stringMethodsMatchPython() {
        let cases: [Case] = [
            Case("  a b \t c\n", "split", [], [], "['a', 'b', 'c']"),
            Case("a,b,,c", "split", [","], [], "['a', 'b', '', 'c']"),
            Case("a,b,c", "split", [",", 1], [], "['a', 'b,c']"),
            Case("a b c", "split", [], [("maxsplit", 1)], "['a', 'b c']"),
            Case("a b c", "rsplit", [.none, 1], [], "['a b', 'c']"),
            Case("a,b,c", "rsplit", [",", 1], [], "['a,b', 'c']"),
            Case("a", "split", [""], [], "value: empty separator"),
            Case("  x  y  ", "rsplit", [], [], "['x', 'y']"),
            Case("a\nb\r\nc\rd\u{B}e\n", "splitlines", [], [], "['a', 'b', 'c', 'd', 'e']"),
            Case("a\nb\n", "splitlines", [true], [], "['a\\n', 'b\\n']"),
            Case("", "splitlines", [], [], "[]"),
            Case("  x  ", "strip", [], [], "x"),
            Case("xyhiyx", "strip", ["xy"], [], "hi"),
            Case("  x  ", "lstrip", [], [], "x  "),
            Case("  x  ", "rstrip", [], [], "  x"),
            Case("\u{A0}x\u{3000}", "strip", [], [], "x"),
            Case("hello world", "title", [], [], "Hello World"),
            Case("they're", "title", [], [], "They'Re"),
            Case("ǆemal", "title", [], [], "ǅemal"),
            Case("ßa", "capitalize", [], [], "Ssa"),
            Case("hELLO", "capitalize", [], [], "Hello"),
            Case("aBc", "upper", [], [], "ABC"),
            Case("ÀB", "lower", [], [], "àb"),
            Case("hello", "startswith", ["he"], [], "True"),
            Case("hello", "startswith", [.tuple(["x", "he"])], [], "True"),
            Case("hello", "endswith", ["lo"], [], "True"),
            Case("hello", "startswith", [1], [], "type: startswith first arg must be str or a tuple of str, not int"),
            Case("aaaa", "replace", ["a", "b"], [], "bbbb"),
            Case("aaaa", "replace", ["a", "b", 2], [], "bbaa"),
            Case("abc", "replace", ["", "-"], [], "-a-b-c-"),
            Case("abc", "replace", ["", "-", 2], [], "-a-bc"),
            Case(", ", "join", [.list(["a", "b"])], [], "a, b"),
            Case("-", "join", ["abc"], [], "a-b-c"),
            Case("-", "join", [.list([1, 2])], [], "type: sequence item 0: expected str instance, int found"),
            Case("{} and {}", "format", ["a", "b"], [], "a and b"),
            Case("{1}{0}", "format", ["a", "b"], [], "ba"),
            Case("{x:>5}|{y:.2f}", "format", [], [("x", "ab"), ("y", .float(2.0))], "   ab|2.00"),
            Case("{} {0}", "format", ["a"], [], "value: cannot switch from automatic field numbering to manual field specification"),
            Case("{0!r:>6}", "format", ["a"], [], "   'a'"),
            Case("{:,.2f}", "format", [.float(1234567.891)], [], "1,234,567.89"),
            Case("{:_d}", "format", [1234567], [], "1_234_567"),
            Case("{:08.3f}", "format", [.float(-3.14159)], [], "-003.142"),
            Case("{:+d} {: d}", "format", [3, 3], [], "+3  3"),
            Case("{:b} {:o} {:X} {:#b}", "format", [5, 8, 255, 5], [], "101 10 FF 0b101"),
            Case("{:e}", "format", [.float(0.000123)], [], "1.230000e-04"),
            Case("{:.0f}", "format", [.float(2.5)], [], "2"),
            Case("{:%}", "format", [.float(0.5)], [], "50.000000%"),
            Case("{:g}", "format", [.float(1e-07)], [], "1e-07"),
            Case("{:.3g}", "format", [.float(1234567.0)], [], "1.23e+06"),
            Case("{:10.3e}", "format", [.float(12345.6789)], [], " 1.235e+04"),
            Case("{:c}", "format", [65], [], "A"),
            Case("{:>10}", "format", [true], [], "         1"),
            Case("{}", "format", [.none], [], "None"),
            Case("{:s}", "format", [1], [], "value: Unknown format code 's' for object of type 'int'"),
            Case("{", "format", [], [], "value: Single '{' encountered in format string"),
            Case("}", "format", [], [], "value: Single '}' encountered in format string"),
            Case("{:.1}", "format", [.float(0.05)], [], "0.05"),
            Case("{:5}", "format", [42], [], "   42"),
            Case("{:<5}|", "format", [42], [], "42   |"),
            Case("{:^6.1f}", "format", [.float(2.25)], [], " 2.2  "),
            Case("{:=^9}", "format", ["mid"], [], "===mid==="),
            Case("hello", "find", ["l"], [], "2"),
            Case("hello", "rfind", ["l"], [], "3"),
            Case("hello", "find", ["z"], [], "-1"),
            Case("hello", "index", ["z"], [], "value: substring not found"),
            Case("hello", "count", ["l"], [], "2"),
            Case("aaa", "count", [""], [], "4"),
            Case("123", "isdigit", [], [], "True"),
            Case("12a", "isdigit", [], [], "False"),
            Case("", "isdigit", [], [], "False"),
            Case("abc", "isalpha", [], [], "True"),
            Case("ab1", "isalnum", [], [], "True"),
            Case(" \t", "isspace", [], [], "True"),
            Case("ABC1", "isupper", [], [], "True"),
            Case("abc1", "islower", [], [], "True"),
            Case("1", "islower", [], [], "False"),
            Case("42", "zfill", [5], [], "00042"),
            Case("-42", "zfill", [5], [], "-0042"),
            Case("+4", "zfill", [4], [], "+004"),
            Case("abc", "center", [8], [], "  abc   "),
            Case("abc", "center", [8, "*"], [], "**abc***"),
            Case("ab", "center", [5], [], "  ab "),
            Case("abc", "center", [6], [], " abc  "),
            Case("ab", "ljust", [5, "."], [], "ab..."),
            Case("ab", "rjust", [5], [], "   ab"),
            Case("a=b=c", "partition", ["="], [], "('a', '=', 'b=c')"),
            Case("a=b=c", "rpartition", ["="], [], "('a=b', '=', 'c')"),
            Case("abc", "partition", ["x"], [], "('abc', '', '')"),
            Case("abc", "rpartition", ["x"], [], "('', '', 'abc')"),
            Case("prefix-x", "removeprefix", ["prefix-"], [], "x"),
            Case("x.txt", "removesuffix", [".txt"], [], "x"),
        ]
        check(cases)
    }

    @Test func dictionaryAndListMethodsMatchPython() {
        let cases: [Case] = [
            Case(.dictionary(["a": 1, "b": 2]), "items", [], [], "[('a', 1), ('b', 2)]"),
            Case(.dictionary(["a": 1, "b": 2]), "keys", [], [], "['a', 'b']"),
            Case(.dictionary(["a": 1, "b": 2]), "values", [], [], "[1, 2]"),
            Case(.dictionary(["a": 1]), "get", ["a"], [], "1"),
            Case(.dictionary(["a": 1]), "get", ["z"], [], "None"),
            Case(.dictionary(["a": 1]), "get", ["z", 0], [], "0"),
            Case(.list([1, 2, 2]), "index", [2], [], "1"),
            Case(.list([1, 2, 2]), "count", [2], [], "2"),
            Case(.list([1]), "index", [5], [], "value: 5 is not in list"),
            Case(.tuple([1, 2]), "index", [2], [], "1"),
            Case(.tuple([1]), "index", [3], [], "value: tuple.index(x): x not in tuple"),
        ]
        check(cases)
    }
}
