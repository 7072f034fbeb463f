import BatouTemplates
import Testing

@Suite struct TemplateValueAccessTests {
    private let server: TemplateValue = ["name": "web1", "items": "mine", "ports": [80, 443]]

    private func call(_ value: TemplateValue, _ method: String, _ arguments: TemplateValue...) throws -> String {
        guard case .callable(let callable) = try value.attribute(method) else {
            Issue.record("\(method) is no method of \(value.typeName)")
            return ""
        }
        return try callable.call(TemplateArguments(positional: arguments)).text()
    }

    @Test func attributesFallBackToItems() throws {
        #expect(try server.attribute("name").text() == "web1")
        #expect(try server.item("ports").item(-1).text() == "443")
    }

    @Test func methodsComeBeforeItemsForAttributesAndAfterForItems() throws {
        #expect(try call(server, "items").hasPrefix("[('name', 'web1')"))
        #expect(try server.item("items").text() == "mine")
    }

    @Test func missingNamesAreUndefinedInJinjasWords() throws {
        let missing: [(TemplateValue, String)] = [
            (try server.attribute("x"), "'dict object' has no attribute 'x'"),
            (try server.item("x"), "'dict object' has no attribute 'x'"),
            (try TemplateValue.list([1]).item(5), "list object has no element 5"),
            (try TemplateValue.none.attribute("x"), "'None' has no attribute 'x'"),
            (try TemplateValue.string("a").attribute("x"), "'str object' has no attribute 'x'"),
        ]
        for (value, message) in missing {
            #expect(throws: TemplateFailure(.undefined, message)) { try value.text() }
        }
    }

    @Test func lookupsOnUndefinedFail() {
        let undefined = TemplateValue.undefined("'x' is undefined")
        #expect(throws: TemplateFailure(.undefined, "'x' is undefined")) { try undefined.attribute("y") }
        #expect(throws: TemplateFailure(.undefined, "'x' is undefined")) { try undefined.item(0) }
    }

    @Test func slicesFollowPython() throws {
        let letters: TemplateValue = "abcdef"
        #expect(try letters.slice(start: 1, stop: .none, step: .none).text() == "bcdef")
        #expect(try letters.slice(start: .none, stop: .none, step: -1).text() == "fedcba")
        #expect(try letters.slice(start: -2, stop: .none, step: .none).text() == "ef")
        #expect(try letters.slice(start: 5, stop: 1, step: -2).text() == "fd")
        #expect(try TemplateValue.list([1, 2, 3]).slice(start: .none, stop: 10, step: 2).text() == "[1, 3]")
        #expect(throws: TemplateFailure(.value, "slice step cannot be zero")) {
            try letters.slice(start: .none, stop: .none, step: 0)
        }
    }

    @Test func stringMethodsFollowPython() throws {
        #expect(try call(" a b  c ", "split") == "['a', 'b', 'c']")
        #expect(try call("a,b,,c", "split", ",") == "['a', 'b', '', 'c']")
        #expect(try call("a,b,c", "rsplit", ",", 1) == "['a,b', 'c']")
        #expect(try call("a\nb\r\nc", "splitlines") == "['a', 'b', 'c']")
        #expect(try call("xxhixx", "strip", "x") == "hi")
        #expect(try call("they're bill's", "title") == "They'Re Bill'S")
        #expect(try call("hELLO", "capitalize") == "Hello")
        #expect(try call("aaa", "replace", "a", "b", 2) == "bba")
        #expect(try call(", ", "join", ["a", "b"]) == "a, b")
        #expect(try call("abc", "center", 6) == " abc  ")
        #expect(try call("ab", "center", 5, "*") == "**ab*")
        #expect(try call("-42", "zfill", 6) == "-00042")
        #expect(try call("a=b=c", "partition", "=") == "('a', '=', 'b=c')")
        #expect(try call("hello", "find", "l") == "2")
        #expect(try call("hello", "startswith", .tuple(["x", "he"])) == "True")
        #expect(try call("123", "isdigit") == "True")
    }
}
