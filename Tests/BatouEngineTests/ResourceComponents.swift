import BatouComponents
import BatouModel

#if canImport(Glibc)
import Glibc
#endif

extension ResourceKey where Value == Int {
    static var answer: Self { .init("answer") }
}

/// Provides 42 as `answer` (and keeps providing it after adding a sub-component).
final class Provider: Component {
    override func configure() throws {
        provide(.answer, 42)
        self += Directory("data")
    }

    override func verify() throws {
        record("provider on \(host.name)")
    }
}

/// Requires every `answer`.
final class Consumer: Component {
    override func configure() throws {
        record("consumer on \(host.name) got \(require(.answer))")
    }

    override func verify() throws {
        record("consumer on \(host.name) deploys")
    }
}

/// Requires `answer` from its own host only.
final class LocalConsumer: Component {
    override func configure() throws {
        record("local consumer got \(require(.answer, on: host))")
    }
}

/// Requires exactly one `answer`.
final class SingleConsumer: Component {
    override func configure() throws {
        record("single consumer got \(try requireOne(.answer))")
    }
}

/// Provides and requires string keys named by attributes, to build cycles.
class Linked: Component {
    @Attribute var provides = ""
    @Attribute var requires = ""
    @Attribute var reverse = false

    override func configure() throws {
        if !provides.isEmpty { provide(ResourceKey<String>(provides), provides) }
        if !requires.isEmpty { _ = require(ResourceKey<String>(requires), reverse: reverse) }
    }

    override func verify() throws {
        record("\(typeName) deploys")
    }
}

final class LinkA: Linked {}
final class LinkB: Linked {}
final class LinkC: Linked {}

/// Takes a while to deploy, journaling `start` and `end`; `limit` is its rolling limit.
final class Slow: Component {
    @Attribute var limit: Int? = nil

    override func configure() throws {
        rollingLimit = limit
    }

    override func verify() throws {
        record("start")
        throw UpdateNeeded()
    }

    override func update() throws {
        usleep(150_000)
        record("end")
    }
}

/// Provides `answer`, then fails to deploy.
final class FailingProvider: Component {
    override func configure() throws {
        provide(.answer, 1)
    }

    override func verify() throws {
        throw ComponentUsageError("The provider broke.")
    }
}

/// Gets a platform-specific part on hosts of the platform `testplatform`.
class Platformed: Component {
    override class func platformComponent(for platform: String) -> Component? {
        platform == "testplatform" ? PlatformPart() : nil
    }

    override func configure() throws {
        self += Directory("common")
    }
}

/// The part `Platformed` gets on `testplatform` hosts.
final class PlatformPart: Component {
    override func configure() throws {
        record("platform part for \(parent?.typeName ?? "nothing") on \(host.name)")
    }
}

/// Two parts that both update, each reacting to updates of the root's components.
final class Eventful: Component {
    @Attribute var precursorsOnly = false

    override func configure() throws {
        let scope: EventHandler.Scope = precursorsOnly ? .precursors : .everyComponent
        self += Handling(name: "1", scope: scope)
        self += Handling(name: "2", scope: scope)
    }
}

/// Always updates; its handler journals which component it saw updating.
final class Handling: Component {
    var name = ""
    var scope = EventHandler.Scope.everyComponent

    convenience init(name: String, scope: EventHandler.Scope) {
        self.init()
        self.name = name
        self.scope = scope
    }

    override var eventHandlers: [EventHandler] {
        [
            .beforeUpdate(of: scope, named: "record") { [unowned self] component in
                record("\(name) saw \((component as? Handling)?.name ?? component.typeName)")
            }
        ]
    }

    override func verify() throws {
        throw UpdateNeeded()
    }

    override func update() throws {
        record("\(name) updated")
    }

    override var breadcrumbValue: String? { name }
}

/// Provides one more than the largest `answer` it sees: never settles on two hosts.
final class Growing: Component {
    override func configure() throws {
        provide(.answer, (require(.answer, strict: false).max() ?? 0) + 1)
    }
}
