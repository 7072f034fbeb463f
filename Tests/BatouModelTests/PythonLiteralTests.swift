import Testing

@testable import BatouModel

@Suite struct PythonLiteralTests {
    @Test(arguments: [
        ("True", PythonLiteral.boolean(true)),
        ("None", .none),
        ("42", .integer(42)),
        ("-7", .integer(-7)),
        ("1.5", .float(1.5)),
        ("1_000", .integer(1000)),
        ("'it\\'s'", .string("it's")),
        ("\"a\\nb\"", .string("a\nb")),
        ("[3,3]", .list([.integer(3), .integer(3)])),
        ("(1, 'x',)", .list([.integer(1), .string("x")])),
        ("[]", .list([])),
        ("{}", .dictionary([])),
        (
            "{\"host1/page-042.conf\": \"v1\", 'n': [1, None]}",
            .dictionary([
                .init(key: .string("host1/page-042.conf"), value: .string("v1")),
                .init(key: .string("n"), value: .list([.integer(1), .none])),
            ])
        ),
    ])
    func parsesLiterals(text: String, expected: PythonLiteral) throws {
        #expect(try PythonLiteral(parsing: text) == expected)
    }

    @Test(arguments: [
        ("false", "it is not a Python literal: 'false' is not a literal (strings need quotes; booleans are True and False)"),
        ("[1, 2", "it is not a Python literal: expected ',' or ']'"),
        ("{'a' 1}", "it is not a Python literal: expected ':' after the key 'a'"),
        ("'open", "it is not a Python literal: a string is missing its closing '"),
        ("1 2", "it is not a Python literal: unexpected '2' after the value"),
        ("", "it is not a Python literal: a value is missing"),
    ])
    func explainsWhatIsNotALiteral(text: String, reason: String) {
        #expect(throws: ConversionFailure(reason)) { try PythonLiteral(parsing: text) }
    }

    @Test func convertsLiteralsToSwiftCollections() throws {
        let notes = try [String: String](literal: PythonLiteral(parsing: "{'a': 'b'}"))
        #expect(notes == ["a": "b"])
        let numbers = try [Double](literal: PythonLiteral(parsing: "[1, 2.5]"))
        #expect(numbers == [1, 2.5])
        #expect(throws: ConversionFailure("'x' is not a whole number")) {
            try [Int](literal: PythonLiteral(parsing: "[1, 'x']"))
        }
    }

    @Test func printsAsPythonWould() throws {
        #expect(try PythonLiteral(parsing: "{'a': [True, None, 1]}").description == "{'a': [True, None, 1]}")
    }
}
