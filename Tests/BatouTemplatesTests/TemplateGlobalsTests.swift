import BatouTemplates
import Testing

@Suite struct TemplateGlobalsTests {
    private func call(_ value: TemplateValue, _ positional: [TemplateValue] = [], _ keyword: [(String, TemplateValue)] = []) throws -> TemplateValue {
        guard case .callable(let callable) = value else {
            Issue.record("\(value.repr) can't be called")
            return .none
        }
        return try callable.call(TemplateArguments(positional: positional, keyword: keyword.map { (name: $0.0, value: $0.1) }))
    }

    private func global(_ name: String) -> TemplateValue { TemplateGlobals.all[name] ?? .none }

    @Test func rangeFollowsPython() throws {
        #expect(try call(global("range"), [3]).text() == "[0, 1, 2]")
        #expect(try call(global("range"), [1, 7, 2]).text() == "[1, 3, 5]")
        #expect(try call(global("range"), [3, 0, -1]).text() == "[3, 2, 1]")
        #expect(try call(global("range"), [3, 1]).text() == "[]")
        #expect(throws: TemplateFailure(.value, "range() arg 3 must not be zero")) { try call(global("range"), [1, 2, 0]) }
        #expect(throws: TemplateFailure(.type, "'str' object cannot be interpreted as an integer")) { try call(global("range"), ["3"]) }
        #expect(throws: TemplateFailure(.value, "A range can have at most 100000 numbers.")) { try call(global("range"), [100_001]) }
    }

    @Test func dictMakesADictionaryOfPairsAndKeywords() throws {
        #expect(try call(global("dict"), [], [("b", 1), ("a", 2)]).text() == "{'b': 1, 'a': 2}")
        #expect(try call(global("dict"), [[.tuple(["k", 1])]], [("a", 2)]).text() == "{'k': 1, 'a': 2}")
    }

    @Test func cyclerGoesRoundAndStartsOver() throws {
        let cycler = try call(global("cycler"), ["odd", "even"])
        #expect(try cycler.attribute("current").text() == "odd")
        #expect(try call(cycler.attribute("next")).text() == "odd")
        #expect(try call(cycler.attribute("next")).text() == "even")
        #expect(try call(cycler.attribute("next")).text() == "odd")
        _ = try call(cycler.attribute("reset"))
        #expect(try cycler.attribute("current").text() == "odd")
    }

    @Test func joinerGivesNothingFirstAndTheSeparatorAfter() throws {
        let joiner = try call(global("joiner"), [" | "])
        #expect(try [call(joiner), call(joiner), call(joiner)].map { try $0.text() } == ["", " | ", " | "])
        #expect(try call(call(global("joiner"))).text() == "")
    }

    @Test func namespaceHoldsValuesTemplatesCanSet() throws {
        let value = try call(global("namespace"), [], [("found", false)])
        guard case .object(let object) = value, let namespace = object as? TemplateNamespace else {
            Issue.record("namespace() made \(value.repr)")
            return
        }
        namespace.values["found"] = true
        #expect(try value.attribute("found").text() == "True")
        #expect(try value.text() == "<Namespace {'found': True}>")
    }

    @Test func groupsUnpackAndHaveGrouperAndList() throws {
        let users: TemplateValue = [["city": "Berlin"], ["city": "Athens"]]
        let groups = try TemplateFilters.filter(named: "groupby")!(users, TemplateArguments(positional: ["city"])).elements()
        #expect(try groups[0].attribute("grouper").text() == "Athens")
        #expect(try groups[0].item(1).text() == "[{'city': 'Athens'}]")
        #expect(try groups[1].elements().count == 2)
        #expect(try TemplateValue.list(groups).text() == "[('Athens', [{'city': 'Athens'}]), ('Berlin', [{'city': 'Berlin'}])]")
    }
}
