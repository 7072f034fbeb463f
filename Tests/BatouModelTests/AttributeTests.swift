import Testing

@testable import BatouModel

@Suite struct AttributeTests {
    @Test(arguments: [
        ("  3, 3,", ["3", "3"]),
        ("a\nb\n\nc", ["a", "b", "c"]),
        ("['x', 'y, z']", ["x", "y, z"]),
        ("", []),
    ])
    func readsListsAsBatouDoes(text: String, expected: [String]) throws {
        #expect(try [String](overrideValue: text) == expected)
    }

    @Test func readsNumbersBooleansAndOptionals() throws {
        #expect(try Int(overrideValue: " 9002 ") == 9002)
        #expect(try Double(overrideValue: "0.5") == 0.5)
        #expect(try Bool(overrideValue: "True") == true)
        #expect(try Bool(overrideValue: "off") == false)
        #expect(try [Int](overrideValue: "[3,3]") == [3, 3])
        #expect(try Int?(overrideValue: "None") == nil)
        #expect(try Int?(overrideValue: "5") == 5)
        #expect(try [String: Int](overrideValue: "{'a': 1}") == ["a": 1])
    }

    @Test func explainsWhatDoesNotConvert() {
        #expect(throws: ConversionFailure("it is not a whole number")) { try Int(overrideValue: "eighty") }
        #expect(throws: ConversionFailure("it is not True or False")) { try Bool(overrideValue: "maybe") }
        #expect(throws: ConversionFailure("'b' is not a whole number")) { try [Int](overrideValue: "[1, 'b']") }
    }

    @Test func findsAttributesOfSubclassesAndOverridesThem() throws {
        let component = Web()
        let attributes = component.overridableAttributes
        #expect(attributes.keys.sorted() == ["address", "name", "port", "servers"])
        try attributes["port"]?.override(with: "9002")
        try attributes["name"]?.override(with: "front")
        try attributes["servers"]?.override(with: "a, b")
        try attributes["address"]?.override(with: "10.0.0.1:80")
        #expect(component.port == 9002)
        #expect(component.name == "front")
        #expect(component.servers == ["a", "b"])
        #expect(component.address == Address(host: "10.0.0.1", port: 80))
        #expect(attributes["port"]?.valueType == "Int")
    }

    @Test func convertsLosslessStringConvertibleTypes() throws {
        let component = Web()
        #expect(throws: ConversionFailure("it is not a valid Address")) {
            try component.overridableAttributes["address"]?.override(with: "nowhere")
        }
    }

    @Test func keepsDefaultsUntilOverridden() {
        let component = Web()
        #expect(component.port == 8080)
        #expect(component.servers == [])
    }
}

private class Service: Component {
    @Attribute var name = "service"
}

private final class Web: Service {
    @Attribute var port = 8080
    @Attribute var servers: [String] = []
    @Attribute var address = Address(host: "localhost", port: 8080)
    var notAnAttribute = 1
}

private struct Address: LosslessStringConvertible, Equatable {
    var host: String
    var port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init?(_ description: String) {
        let parts = description.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { return nil }
        self.init(host: String(parts[0]), port: port)
    }

    var description: String { "\(host):\(port)" }
}
