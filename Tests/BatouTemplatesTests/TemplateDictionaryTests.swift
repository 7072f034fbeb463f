import BatouTemplates
import Testing

@Suite struct TemplateDictionaryTests {
    @Test func keysEqualInPythonAreOneKey() throws {
        let dictionary = TemplateDictionary(entries: [(key: 1, value: 2), (key: 1.0, value: 3), (key: true, value: 4)] as [(key: TemplateValue, value: TemplateValue)])
        #expect(dictionary.count == 1)
        #expect(try TemplateValue.dictionary(dictionary).text() == "{1: 4}")
        #expect(dictionary[1.0].map { $0.isEqual(to: 4) } == true)
    }

    @Test func keepsInsertionOrderWhenValuesChange() throws {
        var dictionary: TemplateDictionary = ["b": 1, "a": 2]
        dictionary["b"] = 3
        dictionary["c"] = 4
        #expect(try TemplateValue.dictionary(dictionary).text() == "{'b': 3, 'a': 2, 'c': 4}")
    }

    @Test func settingNilRemovesTheEntry() throws {
        var dictionary: TemplateDictionary = ["b": 1, "a": 2, "c": 3]
        dictionary["a"] = nil
        #expect(try TemplateValue.dictionary(dictionary).text() == "{'b': 1, 'c': 3}")
        #expect(dictionary["c"].map { $0.isEqual(to: 3) } == true)
    }

    @Test func findsKeysPythonCannotHash() {
        var dictionary = TemplateDictionary()
        dictionary[[1, 2]] = "list"
        #expect(dictionary[[1, 2]].map { $0.isEqual(to: "list") } == true)
        #expect(dictionary[.tuple([1, 2])] == nil)
    }
}
