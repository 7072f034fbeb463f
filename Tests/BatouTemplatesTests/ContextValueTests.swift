import Foundation
import Testing

@Suite struct ContextValueTests {
    @Test func keepsIntegersAndFloatsApart() throws {
        let values = try decode(#"[{"integer": 1}, {"float": "1.0"}, {"float": "1e+20"}, {"float": "0.1"}]"#)
        #expect(values == [.integer(1), .float(1.0), .float(1e20), .float(0.1)])
    }

    @Test func readsDictionariesInTheirOrder() throws {
        let values = try decode(#"[{"dictionary": [["b", {"none": null}], ["a", {"list": [{"boolean": true}]}]]}]"#)
        guard case .dictionary(let entries) = values.first else {
            Issue.record("Not a dictionary: \(values)")
            return
        }
        #expect(entries.map(\.key) == ["b", "a"])
        #expect(entries.map(\.value) == [.none, .list([.boolean(true)])])
    }

    @Test(arguments: [#"[{}]"#, #"[{"integer": 1, "string": "1"}]"#, #"[{"float": "one"}]"#, #"[{"integer": 1.5}]"#])
    func rejectsWhatIsNotOneTypedValue(json: String) {
        #expect(throws: DecodingError.self) { try decode(json) }
    }

    private func decode(_ json: String) throws -> [ContextValue] {
        try JSONDecoder().decode([ContextValue].self, from: Data(json.utf8))
    }
}
