import BatouTemplates
import Testing

@Suite struct TemplateValueOperatorTests {
    /// What `left op right` prints, or the failure's kind and message.
    private func outcome(_ left: TemplateValue, _ operation: BinaryOperator, _ right: TemplateValue) -> String {
        do {
            return try left.applying(operation, right).text()
        } catch {
            return "\(error.kind): \(error.message)"
        }
    }

    @Test func arithmeticFollowsPython() {
        let cases: [(TemplateValue, BinaryOperator, TemplateValue, String)] = [
            (1, .add, 2, "3"), (1, .add, 2.5, "3.5"), (true, .add, true, "2"), ("a", .add, "b", "ab"),
            ([1], .add, [2], "[1, 2]"), (.tuple([1]), .add, .tuple([2]), "(1, 2)"),
            (7, .floorDivide, -2, "-4"), (-7, .floorDivide, 2, "-4"), (-7, .modulo, 3, "2"), (7.5, .modulo, -2, "-0.5"),
            (-7.0, .floorDivide, 2, "-4.0"), (2, .power, -1, "0.5"), (2, .power, 0.5, "1.4142135623730951"),
            (2, .power, 10, "1024"), (1, .divide, 2, "0.5"), (4, .divide, 2, "2.0"), (3, .subtract, 4.5, "-1.5"),
            ("ab", .multiply, 3, "ababab"), (2, .multiply, "ab", "abab"), ([1], .multiply, 2, "[1, 1]"),
            ("a", .multiply, -1, ""), (1, .concatenate, 2.0, "12.0"), ("a", .concatenate, .none, "aNone"),
            ("%s-%05.2f", .modulo, .tuple(["a", 3.14159]), "a-03.14"),
            ("%(host)s:%d", .modulo, ["host": "web"], "type: not enough arguments for format string"),
        ]
        for (left, operation, right, expected) in cases {
            #expect(outcome(left, operation, right) == expected, "\(left.repr) \(operation.rawValue) \(right.repr)")
        }
    }

    @Test func wrongTypesFailWithPythonsTypeError() {
        let cases: [(TemplateValue, BinaryOperator, TemplateValue, String)] = [
            (1, .add, "a", "type: unsupported operand type(s) for +: 'int' and 'str'"),
            ("a", .add, 1, "type: can only concatenate str (not \"int\") to str"),
            (.tuple([1]), .add, [1], "type: can only concatenate tuple (not \"list\") to tuple"),
            ("a", .multiply, 1.5, "type: can't multiply sequence by non-int of type 'float'"),
            ("a", .multiply, "b", "type: can't multiply sequence by non-int of type 'str'"),
            ("a", .subtract, 1, "type: unsupported operand type(s) for -: 'str' and 'int'"),
            (5, .modulo, "a", "type: unsupported operand type(s) for %: 'int' and 'str'"),
            (1, .less, "a", "type: '<' not supported between instances of 'int' and 'str'"),
            ([1], .less, .tuple([1]), "type: '<' not supported between instances of 'list' and 'tuple'"),
            ("a", .greaterOrEqual, .none, "type: '>=' not supported between instances of 'str' and 'NoneType'"),
            (1, .isIn, "a", "type: 'in <string>' requires string as left operand, not int"),
            (1, .isIn, 3, "type: argument of type 'int' is not iterable"),
        ]
        for (left, operation, right, expected) in cases {
            #expect(outcome(left, operation, right) == expected, "\(left.repr) \(operation.rawValue) \(right.repr)")
        }
    }

    @Test func divisionByZeroFailsWithPythonsMessage() {
        let cases: [(TemplateValue, BinaryOperator, TemplateValue, String)] = [
            (1, .divide, 0, "division by zero"), (1.0, .divide, 0, "float division by zero"),
            (1, .floorDivide, 0, "integer division or modulo by zero"), (1.0, .floorDivide, 0, "float floor division by zero"),
            (1, .modulo, 0, "integer modulo by zero"), (1.0, .modulo, 0, "float modulo"),
            (0, .power, -1, "0.0 cannot be raised to a negative power"),
        ]
        for (left, operation, right, expected) in cases {
            #expect(outcome(left, operation, right) == "zeroDivision: \(expected)")
        }
    }

    @Test func comparisonsFollowPython() {
        let cases: [(TemplateValue, BinaryOperator, TemplateValue, String)] = [
            (1, .equal, 1.0, "True"), (true, .equal, 1, "True"), ([1], .equal, .tuple([1]), "False"),
            ("a", .equal, .markup("a"), "True"), (["a": 1, "b": 2], .equal, ["b": 2, "a": 1], "True"),
            (.none, .notEqual, 0, "True"), (1, .less, 1.5, "True"), ("B", .less, "a", "True"),
            ([1, 2], .less, [1, 3], "True"), ([1, 2], .greater, [1], "True"), (.tuple([1, "a"]), .lessOrEqual, .tuple([1, "a"]), "True"),
            ("b", .isIn, "abc", "True"), ("", .isIn, "abc", "True"), (2, .isIn, [1, 2.0], "True"),
            ("k", .isIn, ["k": 1], "True"), ("x", .isNotIn, ["k": 1], "True"),
        ]
        for (left, operation, right, expected) in cases {
            #expect(outcome(left, operation, right) == expected, "\(left.repr) \(operation.rawValue) \(right.repr)")
        }
    }

    @Test func operationsOnUndefinedFailWithItsMessage() {
        let undefined = TemplateValue.undefined("'x' is undefined")
        for operation in BinaryOperator.allCases {
            #expect(outcome(undefined, operation, 1) == "undefined: 'x' is undefined")
            #expect(outcome(1, operation, undefined) == "undefined: 'x' is undefined")
        }
        #expect(throws: TemplateFailure(.undefined, "'x' is undefined")) { try undefined.negated() }
    }

    @Test func unaryOperatorsTakeNumbers() throws {
        #expect(try TemplateValue.integer(3).negated().text() == "-3")
        #expect(try TemplateValue.float(0.0).negated().text() == "-0.0")
        #expect(try TemplateValue.boolean(true).unaryPlus().text() == "1")
        #expect(throws: TemplateFailure(.type, "bad operand type for unary -: 'str'")) {
            try TemplateValue.string("a").negated()
        }
    }
}
