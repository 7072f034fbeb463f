import BatouModel
import BatouTransport
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The agent: the deployment's own executable, started on a host by the controller,
/// answering requests read from standard input on standard output, one JSON object a line.
///
/// It deploys into `directory` (the environment's `target_directory`), holds the host's
/// lock while it runs, and ends when its input ends.
public struct AgentServer {
    private let registry: ComponentRegistry
    private let directory: String

    public init(registry: ComponentRegistry, directory: String) {
        self.registry = registry
        self.directory = Self.expandingHome(directory)
    }

    /// Serves requests until standard input ends; returns the exit status.
    public func run() async -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let replies = ReplyChannel()
        let session = AgentSession(registry: registry, directory: directory, sink: replies)
        var lock: HostLock?
        var host = ""
        let input = StandardInput()
        await withTaskGroup(of: Void.self) { deploys in
            while let line = await DedicatedThread.run({ input.readLine() }) {
                guard let envelope = try? JSONDecoder().decode(AgentEnvelope<AgentRequest>.self, from: Data(line)) else {
                    replies.send(.failed(Problem("The agent received a request it does not understand.")), to: nil)
                    continue
                }
                let id = envelope.id
                switch envelope.message {
                case .hello(let owner):
                    do throws(HostLockFailure) {
                        lock = try HostLock(directory: directory, owner: owner)
                        replies.send(.ready(directory: directory), to: id)
                    } catch {
                        replies.send(error.reply, to: id)
                    }
                case .files(let manifest):
                    replies.send(.missingFiles(DataFiles.missing(from: manifest, in: directory)), to: id)
                case .file(let file, let content):
                    let problem = DataFiles.write(file, base64: content, in: directory)
                    replies.send(problem.map(AgentReply.failed) ?? .done, to: id)
                case .configure(let configuration):
                    host = configuration.host
                    let result = session.configure(configuration)
                    replies.send(.configured(problems: result.problems, warnings: result.warnings), to: id)
                case .deploy(let root):
                    let host = host
                    deploys.addTask {
                        let problem = await DedicatedThread.run { session.deploy(root: root, host: host) }
                        replies.send(.deployed(root: root, problem: problem), to: id)
                    }
                }
            }
        }
        lock?.release()
        return 0
    }

    private static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return Path.homeDirectory + path.dropFirst()
    }
}

/// Sends replies and events to the controller, whole lines only.
///
/// Events are gathered and written together — every 20 milliseconds, or sooner when much
/// is waiting — since each write costs a trip through ssh; answers go out at once.
private final class ReplyChannel: EventSink {
    private let pending = Mutex<[UInt8]>([])
    private let encoder = JSONEncoder()
    private static let flushInterval: useconds_t = 20_000
    private static let flushSize = 32768

    init() {
        DedicatedThread.start { [self] in
            while true {
                usleep(Self.flushInterval)
                flush()
            }
        }
    }

    /// Sends `reply` to the request numbered `id`.
    func send(_ reply: AgentReply, to id: Int?) {
        guard let data = try? encoder.encode(AgentEnvelope(id: id, message: reply)) else { return }
        let isEvent = if case .event = reply { true } else { false }
        pending.withLock { pending in
            pending += data
            pending.append(0x0A)
            if !isEvent || pending.count >= Self.flushSize { Self.write(&pending) }
        }
    }

    func emit(_ event: Event) {
        send(.event(event), to: nil)
    }

    private func flush() {
        pending.withLock { Self.write(&$0) }
    }

    private static func write(_ bytes: inout [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Standard input, read a line at a time by one thread.
private final class StandardInput: @unchecked Sendable {
    private var reader = LineReader(descriptor: 0)

    func readLine() -> [UInt8]? {
        reader.readLine()
    }
}
