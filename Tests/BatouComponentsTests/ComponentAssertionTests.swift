import BatouComponents
import BatouModel
import BatouTesting
import Testing

/// batou's assertions for `verify`: update a parent when its parts changed.
@Suite struct ComponentAssertionTests {
    @Test func updatesWhenASubComponentChanged() throws {
        let host = try TestHost()
        let first = Service(content: "a\n")
        #expect(try host.deploy(first) == true)
        #expect(first.restarts == 1)
        let unchanged = Service(content: "a\n")
        #expect(try host.deploy(unchanged) == false)
        #expect(unchanged.restarts == 0)
        let changed = Service(content: "b\n")
        #expect(try host.deploy(changed) == true)
        #expect(changed.restarts == 1)
    }

    @Test func assertNoChangesAlsoSeesTheComponentsOwnChange() throws {
        let host = try TestHost()
        let service = Service(content: "a\n")
        try host.deploy(service)
        service.changed = true
        #expect(throws: UpdateNeeded.self) { try service.assertNoChanges() }
    }
}

/// Restarts (counts) when its configuration file changed.
private final class Service: Component {
    var content = ""
    var restarts = 0

    convenience init(content: String) {
        self.init()
        self.content = content
    }

    override func configure() throws {
        self += File("service.conf", content: content)
    }

    override func verify() throws {
        try assertNoSubComponentChanges()
    }

    override func update() throws {
        restarts += 1
    }
}
