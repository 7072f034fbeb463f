import BatouComponents
import BatouModel
import Foundation
import Synchronization

/// Components for engine tests. They write what happens to `journal` in the deployment directory.
enum TestComponents {
    static let all: [Component.Type] = [
        Journaled.self, Parent.self, Failing.self, BrokenConfigure.self, Settings.self, Greeter.self,
        HostFacts.self, Forgetful.self, Restarter.self, Chatty.self, Provider.self, Consumer.self,
        LocalConsumer.self, SingleConsumer.self, LinkA.self, LinkB.self, LinkC.self, Slow.self,
        FailingProvider.self, Platformed.self, Eventful.self, Growing.self, Formatter.self,
    ]
}

/// What the components of each test deployment did, by deployment directory.
enum Journal {
    static let entries = Mutex<[String: [String]]>([:])

    static func lines(of deployment: String) -> [String] {
        entries.withLock { $0[deployment] ?? [] }
    }
}

extension Component {
    /// Adds `line` to the journal of this component's deployment; safe from parallel deploys.
    func record(_ line: String) {
        Journal.entries.withLock { $0[environment.baseDirectory, default: []].append(line) }
    }
}

/// Always needs an update, and journals `name:verify` and `name:update`.
final class Journaled: Component {
    @Attribute var name = "1"

    convenience init(name: String) {
        self.init()
        self.name = name
    }

    override func verify() throws {
        record("\(name):verify")
        throw UpdateNeeded()
    }

    override func update() throws {
        record("\(name):update")
    }

    override var breadcrumbValue: String? { name }
}

/// A parent with one sub-component; both always need updates.
final class Parent: Component {
    override func configure() throws {
        self += Journaled(name: "2")
    }

    override func verify() throws {
        record("1:verify")
        throw UpdateNeeded()
    }

    override func update() throws {
        record("1:update")
    }
}

/// Fails in verify, with a message.
final class Failing: Component {
    override func verify() throws {
        record("failing:verify")
        throw ComponentUsageError("The service did not answer.")
    }
}

/// A sub-component fails in configure.
final class BrokenConfigure: Component {
    override func configure() throws {
        self += File("hello")
    }
}

/// Attributes of several types, journaled in configure.
final class Settings: Component {
    @Attribute var port = 9001
    @Attribute var debug = false
    @Attribute var notes: [String: String] = [:]
    @Attribute var servers: [String] = []

    override func configure() throws {
        record("port=\(port) debug=\(debug) notes=\(notes) servers=\(servers) features=\(features)")
    }
}

/// An attribute whose overrides are taken literally, not expanded.
final class Formatter: Component {
    @Attribute(expand: false) var format = ""

    override func configure() throws {
        record("format=\(format)")
    }
}

/// batou's hello world.
final class Greeter: Component {
    @Attribute var greeting = "Hello world"

    override func configure() throws {
        self += File("hello", content: greeting + "\n")
    }
}

/// Journals what it sees of its host and environment.
final class HostFacts: Component {
    override func configure() throws {
        record(
            "\(host.name) \(host.fqdn) \(host.data) \(host.platform ?? "-") \(environment.name) \(workdir) \(defdir) "
                + "timeout=\(environment.timeout)")
    }
}

/// Creates a component and forgets to add it.
final class Forgetful: Component {
    override func configure() throws {
        _ = File("forgotten", content: "")
        self += Directory("kept")
    }
}

/// Restarts (journals `restart`) when its configuration file changed.
final class Restarter: Component {
    @Attribute var setting = "a"

    override func configure() throws {
        self += File("config", content: setting + "\n")
    }

    override func verify() throws {
        try assertNoSubComponentChanges()
    }

    override func update() throws {
        record("restart")
    }
}

/// Logs while configuring and while verifying.
final class Chatty: Component {
    override func configure() throws {
        log("configured")
    }

    override func verify() throws {
        log("verified")
    }
}
