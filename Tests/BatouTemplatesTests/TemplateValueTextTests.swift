import BatouTemplates
import Testing

@Suite struct TemplateValueTextTests {
    @Test(arguments: [
        (1.0, "1.0"), (1e20, "1e+20"), (0.1, "0.1"), (1e16, "1e+16"), (1e15, "1000000000000000.0"),
        (9.5e15, "9500000000000000.0"), (1e-5, "1e-05"), (1e-4, "0.0001"), (0.0001234, "0.0001234"),
        (1.5e16, "1.5e+16"), (123456789.123, "123456789.123"), (-0.0, "-0.0"), (.infinity, "inf"),
        (-.infinity, "-inf"), (.nan, "nan"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        (2.5, "2.5"), (100.0, "100.0"), (1e22, "1e+22"), (0.1 + 0.2, "0.30000000000000004"), (123e-20, "1.23e-18"),
        (-1.5e-7, "-1.5e-07"), (12345678901234567.0, "1.2345678901234568e+16"),
    ])
    func floatsPrintAsPythonWritesThem(float: Double, expected: String) throws {
        #expect(try TemplateValue.float(float).text() == expected)
    }

    @Test func scalarsPrintAsPythonWritesThem() throws {
        #expect(try TemplateValue.boolean(true).text() == "True")
        #expect(try TemplateValue.boolean(false).text() == "False")
        #expect(try TemplateValue.none.text() == "None")
        #expect(try TemplateValue.integer(-42).text() == "-42")
        #expect(try TemplateValue.string("it's").text() == "it's")
        #expect(try TemplateValue.markup("<b>").text() == "<b>")
    }

    @Test func collectionsPrintTheirElementsRepr() throws {
        #expect(try TemplateValue.list(["a", 1, 2.5, nil, true]).text() == "['a', 1, 2.5, None, True]")
        #expect(try TemplateValue.tuple(["a"]).text() == "('a',)")
        #expect(try TemplateValue.tuple([]).text() == "()")
        #expect(try TemplateValue.tuple([1, 2]).text() == "(1, 2)")
        #expect(try TemplateValue.dictionary(["k": "v", 1: [1]]).text() == "{'k': 'v', 1: [1]}")
        #expect(try TemplateValue.list([.markup("<b>")]).text() == "[Markup('<b>')]")
        #expect(try TemplateValue.list([.undefined("'x' is undefined")]).text() == "[Undefined]")
    }

    @Test func stringsInCollectionsUsePythonsQuotesAndEscapes() throws {
        let strings: TemplateValue = ["it's", "a\"b", "a'b\"c", "x\ny\t\\", "é\u{1}", "\u{2028}", "\u{1F600}"]
        #expect(
            try strings.text()
                == #"["it's", 'a"b', 'a\'b"c', 'x\ny\t\\', 'é\x01', '\u2028', '😀']"#
        )
    }

    @Test func undefinedFailsToPrintWithItsMessage() {
        #expect(throws: TemplateFailure(.undefined, "'port' is undefined")) {
            try TemplateValue.undefined("'port' is undefined").text()
        }
    }

    @Test func typeNamesArePythons() {
        let values: [(TemplateValue, String)] = [
            (.none, "NoneType"), (true, "bool"), (1, "int"), (1.5, "float"), ("a", "str"), ([], "list"),
            (.tuple([]), "tuple"), ([:], "dict"),
        ]
        for (value, name) in values {
            #expect(value.typeName == name)
        }
    }

    @Test func truthIsPythons() throws {
        let values: [(TemplateValue, Bool)] = [
            (.none, false), (0, false), (0.0, false), ("", false), ([], false), ([:], false), (.tuple([]), false),
            (1, true), (-0.5, true), ("0", true), ([0], true), (["a": 1], true),
        ]
        for (value, truth) in values {
            #expect(try value.isTruthy() == truth, "\(value.repr)")
        }
        #expect(throws: TemplateFailure(.undefined, "'x' is undefined")) {
            try TemplateValue.undefined("'x' is undefined").isTruthy()
        }
    }

    @Test func iterationGoesThroughElementsKeysAndCharacters() throws {
        #expect(try TemplateValue.string("ab").elements().map { try $0.text() } == ["a", "b"])
        #expect(try TemplateValue.dictionary(["b": 1, "a": 2]).elements().map { try $0.text() } == ["b", "a"])
        #expect(throws: TemplateFailure(.type, "'int' object is not iterable")) {
            try TemplateValue.integer(3).elements()
        }
    }
}
