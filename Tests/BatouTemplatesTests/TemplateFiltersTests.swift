import BatouTemplates
import Testing

/// Filters called directly, each case's expected text (or failure) as Jinja2 3.1.6 gives it.
@Suite struct TemplateFiltersTests {
    struct Case {
        var filter: String
        var value: TemplateValue
        var positional: [TemplateValue]
        var keyword: [(String, TemplateValue)]
        var expected: String

        init(_ filter: String, _ value: TemplateValue, _ positional: [TemplateValue], _ keyword: [(String, TemplateValue)], _ expected: String) {
            self.filter = filter
            self.value = value
            self.positional = positional
            self.keyword = keyword
            self.expected = expected
        }

        /// What the filter prints, or the failure's kind and message.
        var outcome: String {
            let arguments = TemplateArguments(positional: positional, keyword: keyword.map { (name: $0.0, value: $0.1) })
            do {
                return try TemplateFilters.filter(named: filter)!(value, arguments).text()
            } catch {
                return "\(error.kind): \(error.message)"
            }
        }
    }

    private func check(_ cases: [Case], sourceLocation: SourceLocation = #_sourceLocation) {
        for testCase in cases {
            #expect(
                testCase.outcome == testCase.expected,
                "\(testCase.filter)(\(testCase.value.repr), \(testCase.positional.map(\.repr)))",
                sourceLocation: sourceLocation
            )
        }
    }

    @Test func textFiltersMatchJinja() {
        let cases: [Case] = [
            Case("capitalize", "hELLO wORLD", [], [], "Hello world"),
            Case("upper", "straße", [], [], "STRASSE"),
            Case("lower", "ÀB", [], [], "àb"),
            Case("title", "they're bill's friends from-the (uk)", [], [], "They're Bill's Friends From-The (Uk)"),
            Case("center", "ab", [7], [], "   ab  "),
            Case("center", "abc", [], [], "                                      abc                                       "),
            Case("trim", "  x  ", [], [], "x"),
            Case("trim", "xxhixx", ["x"], [], "hi"),
            Case("replace", "aaa", ["a", "b"], [], "bbb"),
            Case("replace", "aaa", ["a", "b", 2], [], "bba"),
            Case("replace", "aaa", [], [("old", "a"), ("new", "c"), ("count", 1)], "caa"),
            Case("indent", "a\nb\n\nc", [], [], "a\n    b\n\n    c"),
            Case("indent", "a\nb\n\nc", [2, true, true], [], "  a\n  b\n  \n  c"),
            Case("indent", "a\nb", ["> "], [], "a\n> b"),
            Case("indent", "a\r\nb\n", [], [("first", true)], "    a\n    b\n"),
            Case("truncate", "foo bar baz qux", [9], [], "foo..."),
            Case("truncate", "foo bar baz qux", [9, true], [], "foo ba..."),
            Case("truncate", "foo bar baz qux", [11], [("leeway", 0)], "foo bar..."),
            Case("truncate", "foo bar baz qux quux", [5], [("end", "…"), ("leeway", 0)], "foo…"),
            Case("truncate", "short", [], [], "short"),
            Case("truncate", "abcdef", [2], [("leeway", 0)], "runtime: expected length >= 3, got 2"),
            Case("wordcount", "Hello, world! it_is 42 times", [], [], "5"),
            Case("string", 42, [], [], "42"),
            Case("string", .list([1, "a"]), [], [], "[1, 'a']"),
            Case("format", "%s-%05.2f", ["a", .float(3.14159)], [], "a-03.14"),
            Case("format", "%(a)s=%(b)d", [], [("a", "x"), ("b", 2)], "x=2"),
            Case("format", "%s", ["a"], [("b", 1)], "runtime: can't handle positional and keyword arguments at the same time"),
            Case("escape", "<a href=\"x\">'&'", [], [], "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;"),
            Case("e", .markup("<b>"), [], [], "<b>"),
            Case("forceescape", .markup("<b>"), [], [], "&lt;b&gt;"),
            Case("safe", "<b>", [], [], "<b>"),
            Case("escape", 42, [], [], "42"),
            Case("striptags", "a <b>bold</b>  <!-- c --> and&nbsp;&amp;\n  more", [], [], "a bold and & more"),
            Case("urlencode", "a b/c?d=é", [], [], "a%20b/c%3Fd%3D%C3%A9"),
            Case("urlencode", .dictionary(["a": "x y", "b/": "&"]), [], [], "a=x+y&b%2F=%26"),
            Case("urlencode", .list([.tuple(["k", 1]), .tuple(["k", 2])]), [], [], "k=1&k=2"),
            Case("xmlattr", .dictionary(["class": "a b", "id": .none, "data-x": "<\""]), [], [], " class=\"a b\" data-x=\"&lt;&#34;\""),
            Case("xmlattr", .dictionary(["a": 1]), [false], [], "a=\"1\""),
            Case("xmlattr", .dictionary(["a b": 1]), [], [], "value: Invalid character in attribute name: 'a b'"),
            Case("filesizeformat", 1, [], [], "1 Byte"),
            Case("filesizeformat", 300, [], [], "300 Bytes"),
            Case("filesizeformat", 13345, [], [], "13.3 kB"),
            Case("filesizeformat", 13345, [true], [], "13.0 KiB"),
            Case("filesizeformat", .float(1e+30), [], [], "1000000.0 YB"),
            Case("filesizeformat", "2000000", [], [], "2.0 MB"),
            Case("upper", .undefined("'x' is undefined"), [], [], "undefined: 'x' is undefined"),
            Case("title", .undefined("'x' is undefined"), [], [], "undefined: 'x' is undefined"),
            Case("format", .undefined("'x' is undefined"), [], [], "undefined: 'x' is undefined"),
        ]
        check(cases)
    }

    @Test func wrappingMatchesPythonsTextwrap() {
        let cases: [Case] = [
            Case("wordwrap", "The quick brown fox jumps over the lazy dog", [10], [], "The quick\nbrown fox\njumps over\nthe lazy\ndog"),
            Case("wordwrap", "a well-known self-evident fact-checking thing", [12], [], "a well-known\nself-evident\nfact-\nchecking\nthing"),
            Case("wordwrap", "a well-known self-evident fact", [12], [("break_on_hyphens", false)], "a well-known\nself-evident\nfact"),
            Case("wordwrap", "supercalifragilisticexpialidocious word", [10], [], "supercalif\nragilistic\nexpialidoc\nious word"),
            Case("wordwrap", "supercalifragilisticexpialidocious word", [10], [("break_long_words", false)], "supercalifragilisticexpialidocious\nword"),
            Case("wordwrap", "first line\n\nsecond  paragraph here", [8], [("wrapstring", "<br>")], "first<br>line<br><br>second  <br>paragrap<br>h here"),
            Case("wordwrap", "x -- y--z and so--on", [6], [], "x -- y\n--z\nand so\n--on"),
            Case("wordwrap", "long-hyphenated-compound-word-here", [9], [], "long-hyph\nenated-\ncompound-\nword-here"),
            Case("wordwrap", "   leading spaces and trailing   ", [10], [], "   leading\nspaces and\ntrailing"),
        ]
        check(cases)
    }

    @Test func numberFiltersMatchJinja() {
        let cases: [Case] = [
            Case("abs", .integer(-3), [], [], "3"),
            Case("abs", .float(-2.5), [], [], "2.5"),
            Case("abs", "a", [], [], "type: bad operand type for abs(): 'str'"),
            Case("float", "1.5", [], [], "1.5"),
            Case("float", " 2e3 ", [], [], "2000.0"),
            Case("float", "x", [], [], "0.0"),
            Case("float", "x", [.float(1.0)], [], "1.0"),
            Case("float", 3, [], [], "3.0"),
            Case("float", .none, [], [], "0.0"),
            Case("int", "42", [], [], "42"),
            Case("int", " 42 ", [], [], "42"),
            Case("int", "3.7", [], [], "3"),
            Case("int", .float(3.7), [], [], "3"),
            Case("int", "x", [], [], "0"),
            Case("int", "x", [.integer(-1)], [], "-1"),
            Case("int", "ff", [0, 16], [], "255"),
            Case("int", "0x1f", [0, 16], [], "31"),
            Case("int", "0b101", [0, 0], [], "5"),
            Case("int", "1_000", [], [], "1000"),
            Case("int", true, [], [], "1"),
            Case("int", .none, [], [], "0"),
            Case("round", .float(2.5), [], [], "2.0"),
            Case("round", .float(3.5), [], [], "4.0"),
            Case("round", .float(2.675), [2], [], "2.67"),
            Case("round", .float(1.2345), [2, "ceil"], [], "1.24"),
            Case("round", .float(1.2355), [2, "floor"], [], "1.23"),
            Case("round", 3, [], [], "3"),
            Case("round", 3, [0, "ceil"], [], "3.0"),
            Case("round", .float(1234.5), [.integer(-2)], [], "1200.0"),
            Case("round", .float(0.125), [2], [], "0.12"),
            Case("round", .float(-0.5), [], [], "-0.0"),
            Case("round", "a", [], [], "type: type str doesn't define __round__ method"),
            Case("round", .float(1.5), [0, "up"], [], "runtime: method must be common, ceil or floor"),
        ]
        check(cases)
    }

    @Test func collectionFiltersMatchJinja() {
        let cases: [Case] = [
            Case("length", "héllo", [], [], "5"),
            Case("count", .list([1, 2]), [], [], "2"),
            Case("length", .dictionary(["a": 1]), [], [], "1"),
            Case("length", 5, [], [], "type: object of type 'int' has no len()"),
            Case("first", .list([3, 4]), [], [], "3"),
            Case("first", .list([]), [], [], "undefined: No first item, sequence was empty."),
            Case("last", "abc", [], [], "c"),
            Case("last", .list([]), [], [], "undefined: No last item, sequence was empty."),
            Case("list", "ab", [], [], "['a', 'b']"),
            Case("list", .dictionary(["a": 1, "b": 2]), [], [], "['a', 'b']"),
            Case("reverse", "abc", [], [], "cba"),
            Case("reverse", .list([1, 2, 3]), [], [], "[3, 2, 1]"),
            Case("items", .dictionary(["a": 1, "b": .list([2])]), [], [], "[('a', 1), ('b', [2])]"),
            Case("items", .undefined("'x' is undefined"), [], [], "[]"),
            Case("items", .list([1]), [], [], "type: Can only get item pairs from a mapping."),
            Case("join", .list([1, "a", .none]), [], [], "1aNone"),
            Case("join", .list(["a", "b"]), [", "], [], "a, b"),
            Case("join", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), [", ", "name"], [], "Ann, bob, Cid"),
            Case("join", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), [], [("d", "|"), ("attribute", "age")], "31|25|40"),
            Case("attr", .dictionary(["name": "Ann", "city": "Berlin", "age": 31]), ["name"], [], "undefined: 'dict object' has no attribute 'name'"),
            Case("default", .undefined("'x' is undefined"), [], [], ""),
            Case("default", .undefined("'x' is undefined"), ["fallback"], [], "fallback"),
            Case("d", .none, ["x"], [], "None"),
            Case("default", "", ["x"], [("boolean", true)], "x"),
            Case("default", 0, ["x", false], [], "0"),
            Case("batch", .list([1, 2, 3, 4, 5]), [2], [], "[[1, 2], [3, 4], [5]]"),
            Case("batch", .list([1, 2, 3, 4, 5]), [3, "-"], [], "[[1, 2, 3], [4, 5, '-']]"),
            Case("slice", .list([1, 2, 3, 4, 5, 6, 7]), [3], [], "[[1, 2, 3], [4, 5], [6, 7]]"),
            Case("slice", .list([1, 2, 3, 4, 5, 6, 7]), [3, 0], [], "[[1, 2, 3], [4, 5, 0], [6, 7, 0]]"),
            Case("sum", .list([1, 2, .float(3.5)]), [], [], "6.5"),
            Case("sum", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), ["age"], [], "96"),
            Case("sum", .list([.list([1]), .list([2])]), [], [("start", .list([]))], "[1, 2]"),
            Case("sum", .list([1, "a"]), [], [], "type: unsupported operand type(s) for +: 'int' and 'str'"),
            Case("min", .list(["b", "A", "c"]), [], [], "A"),
            Case("max", .list(["b", "A", "c"]), [], [], "c"),
            Case("max", .list(["b", "A", "c"]), [true], [], "c"),
            Case("min", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), [], [("attribute", "age")], "{'name': 'bob', 'city': 'berlin', 'age': 25}"),
            Case("max", .list([]), [], [], "undefined: No aggregated item, sequence was empty."),
            Case("min", .list([1, "a"]), [], [], "type: '<' not supported between instances of 'str' and 'int'"),
            Case("max", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), [false, "name"], [], "{'name': 'Cid', 'city': 'Athens', 'age': 40}"),
            Case("length", .undefined("'x' is undefined"), [], [], "undefined: 'x' is undefined"),
            Case("first", .undefined("'x' is undefined"), [], [], "undefined: 'x' is undefined"),
            Case("join", .undefined("'x' is undefined"), [], [], "undefined: 'x' is undefined"),
        ]
        check(cases)
    }

    @Test func orderingFiltersMatchJinja() {
        let cases: [Case] = [
            Case("sort", .list(["b", "A", "c", "a"]), [], [], "['A', 'a', 'b', 'c']"),
            Case("sort", .list(["b", "A", "c", "a"]), [], [("case_sensitive", true)], "['A', 'a', 'b', 'c']"),
            Case("sort", .list([3, 1, 2]), [true], [], "[3, 2, 1]"),
            Case("sort", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), [], [("attribute", "city,name")], "[{'name': 'Cid', 'city': 'Athens', 'age': 40}, {'name': 'Ann', 'city': 'Berlin', 'age': 31}, {'name': 'bob', 'city': 'berlin', 'age': 25}]"),
            Case("sort", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), [], [("attribute", "age"), ("reverse", true)], "[{'name': 'Cid', 'city': 'Athens', 'age': 40}, {'name': 'Ann', 'city': 'Berlin', 'age': 31}, {'name': 'bob', 'city': 'berlin', 'age': 25}]"),
            Case("sort", .list([.list([2, "b"]), .list([1, "z"]), .list([2, "a"])]), [], [("attribute", "1")], "[[2, 'a'], [2, 'b'], [1, 'z']]"),
            Case("sort", .list([1, "a"]), [], [], "type: '<' not supported between instances of 'str' and 'int'"),
            Case("sort", .list([.dictionary(["a": .dictionary(["b": 2])]), .dictionary(["a": .dictionary(["b": 1])])]), [], [("attribute", "a.b")], "[{'a': {'b': 1}}, {'a': {'b': 2}}]"),
            Case("dictsort", .dictionary(["b": 1, "A": 2, "c": 0]), [], [], "[('A', 2), ('b', 1), ('c', 0)]"),
            Case("dictsort", .dictionary(["b": 1, "A": 2, "c": 0]), [true], [], "[('A', 2), ('b', 1), ('c', 0)]"),
            Case("dictsort", .dictionary(["b": 1, "A": 2, "c": 0]), [false, "value"], [], "[('c', 0), ('b', 1), ('A', 2)]"),
            Case("dictsort", .dictionary(["b": 1, "A": 2]), [], [("reverse", true)], "[('b', 1), ('A', 2)]"),
            Case("dictsort", .dictionary(["b": 1]), [false, "other"], [], "runtime: You can only sort by either \"key\" or \"value\""),
            Case("unique", .list(["a", "A", "b", "a"]), [], [], "['a', 'b']"),
            Case("unique", .list(["a", "A", "b"]), [true], [], "['a', 'A', 'b']"),
            Case("unique", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), [], [("attribute", "city")], "[{'name': 'Ann', 'city': 'Berlin', 'age': 31}, {'name': 'Cid', 'city': 'Athens', 'age': 40}]"),
            Case("unique", .list([1, .float(1.0), true, 2]), [], [], "[1, 2]"),
            Case("groupby", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), ["city"], [], "[('Athens', [{'name': 'Cid', 'city': 'Athens', 'age': 40}]), ('Berlin', [{'name': 'Ann', 'city': 'Berlin', 'age': 31}, {'name': 'bob', 'city': 'berlin', 'age': 25}])]"),
            Case("groupby", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), ["city"], [("case_sensitive", true)], "[('Athens', [{'name': 'Cid', 'city': 'Athens', 'age': 40}]), ('Berlin', [{'name': 'Ann', 'city': 'Berlin', 'age': 31}]), ('berlin', [{'name': 'bob', 'city': 'berlin', 'age': 25}])]"),
            Case("groupby", .list([.dictionary(["a": 1]), .dictionary(["b": 2]), .dictionary(["a": 1])]), ["a"], [("default", 0)], "[(0, [{'b': 2}]), (1, [{'a': 1}, {'a': 1}])]"),
        ]
        check(cases)
    }

    @Test func selectionFiltersMatchJinja() {
        let cases: [Case] = [
            Case("map", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), ["attribute"], [], "runtime: No filter named 'attribute'."),
            Case("map", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), [], [("attribute", "name")], "['Ann', 'bob', 'Cid']"),
            Case("map", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), [], [("attribute", "zip"), ("default", "-")], "['-', '-', '-']"),
            Case("map", .list(["a", "b"]), ["upper"], [], "['A', 'B']"),
            Case("map", .list(["a", "b"]), ["replace", "a", "x"], [], "['x', 'b']"),
            Case("map", .list([.float(1.5), .float(2.5)]), ["round"], [("method", "ceil")], "[2.0, 3.0]"),
            Case("map", .list([1]), ["nosuch"], [], "runtime: No filter named 'nosuch'."),
            Case("map", .list([1]), [], [], "runtime: map requires a filter argument"),
            Case("map", .none, ["upper"], [], "[]"),
            Case("select", .list([1, 2, 3, 4]), ["odd"], [], "[1, 3]"),
            Case("select", .list([0, 1, "", "a", .none]), [], [], "[1, 'a']"),
            Case("reject", .list([1, 2, 3, 4]), ["divisibleby", 2], [], "[1, 3]"),
            Case("select", .list([1, 5, 10]), ["gt", 4], [], "[5, 10]"),
            Case("select", .list(["a", "b"]), ["in", .list(["a", "c"])], [], "['a']"),
            Case("select", .list([1]), ["nosuch"], [], "runtime: No test named 'nosuch'."),
            Case("selectattr", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), ["age", "ge", 31], [], "[{'name': 'Ann', 'city': 'Berlin', 'age': 31}, {'name': 'Cid', 'city': 'Athens', 'age': 40}]"),
            Case("rejectattr", .list([.dictionary(["name": "Ann", "city": "Berlin", "age": 31]), .dictionary(["name": "bob", "city": "berlin", "age": 25]), .dictionary(["name": "Cid", "city": "Athens", "age": 40])]), ["city", "eq", "Berlin"], [], "[{'name': 'bob', 'city': 'berlin', 'age': 25}, {'name': 'Cid', 'city': 'Athens', 'age': 40}]"),
            Case("selectattr", .list([.dictionary(["a": 1]), .dictionary(["a": 0])]), ["a"], [], "[{'a': 1}]"),
            Case("selectattr", .list([1]), [], [], "runtime: Missing parameter for attribute name"),
        ]
        check(cases)
    }

    @Test func serialisingFiltersMatchJinja() {
        let cases: [Case] = [
            Case("tojson", .dictionary(["b": .list([1, .float(2.5), .none, true]), "a": "<it's & é>"]), [], [], "{\"a\": \"\\u003cit\\u0027s \\u0026 \\u00e9\\u003e\", \"b\": [1, 2.5, null, true]}"),
            Case("tojson", .dictionary(["b": 1, "a": .dictionary(["c": .list([]), "d": .dictionary([:])])]), [2], [], "{\n  \"a\": {\n    \"c\": [],\n    \"d\": {}\n  },\n  \"b\": 1\n}"),
            Case("tojson", .list([1, .tuple([2, "x"])]), [0], [], "[\n1,\n[\n2,\n\"x\"\n]\n]"),
            Case("tojson", .dictionary([1: "a", 2: "b"]), [], [], "{\"1\": \"a\", \"2\": \"b\"}"),
            Case("tojson", "line\nbreak\t\"q\"\\ 😀", [], [], "\"line\\nbreak\\t\\\"q\\\"\\\\ \\ud83d\\ude00\""),
            Case("tojson", .float(.infinity), [], [], "Infinity"),
            Case("tojson", .dictionary([1: "a", "b": 2]), [], [], "type: '<' not supported between instances of 'str' and 'int'"),
            Case("tojson", .undefined("'x' is undefined"), [], [], "type: Object of type StrictUndefined is not JSON serializable"),
            Case("pprint", .dictionary(["b": 1, "a": .list([1, 2])]), [], [], "{'a': [1, 2], 'b': 1}"),
            Case("pprint", .list([.dictionary(["name": "host00.example.com", "port": 8000]), .dictionary(["name": "host01.example.com", "port": 8001]), .dictionary(["name": "host02.example.com", "port": 8002])]), [], [], "[{'name': 'host00.example.com', 'port': 8000},\n {'name': 'host01.example.com', 'port': 8001},\n {'name': 'host02.example.com', 'port': 8002}]"),
            Case("pprint", .dictionary(["key0": .list([]), "key1": .list([0, 1, 2]), "key2": .list([0, 1, 2, 3, 4, 5]), "key3": .list([0, 1, 2, 3, 4, 5, 6, 7, 8]), "key4": .list([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])]), [], [], "{'key0': [],\n 'key1': [0, 1, 2],\n 'key2': [0, 1, 2, 3, 4, 5],\n 'key3': [0, 1, 2, 3, 4, 5, 6, 7, 8],\n 'key4': [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}"),
            Case("pprint", .tuple(["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"]), [], [], "('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',\n 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb')"),
            Case("pprint", .tuple(["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]), [], [], "('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',)"),
        ]
        check(cases)
    }
}
