import BatouTransport
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The controller's end of a connection to an agent: requests go out as JSON lines, and a
/// thread of its own reads replies, passing events on and handing answers to whoever waits.
final class AgentConnection: Sendable {
    let host: String
    private let process: ChildProcess
    private let sink: any EventSink
    private let waiting = Mutex<[String: CheckedContinuation<AgentReply, Never>]>([:])
    /// Whether the agent's output has ended; later requests are answered at once.
    private let hasEnded = Mutex(false)
    private let encoder = JSONEncoder()

    /// Starts `arguments` (the agent, perhaps through ssh) and begins reading its replies.
    init(host: String, arguments: [String], sink: any EventSink) throws(TransportError) {
        self.host = host
        self.sink = sink
        self.process = try ChildProcess(arguments)
        DedicatedThread.start { [self] in readReplies() }
    }

    /// Sends `request` and waits for the reply that answers it.
    func request(_ request: AgentRequest) async -> AgentReply {
        let key = Self.key(of: request)
        return await withCheckedContinuation { continuation in
            let ended = hasEnded.withLock { ended in
                if !ended { waiting.withLock { $0[key] = continuation } }
                return ended
            }
            if ended {
                continuation.resume(returning: .failed(endedProblem()))
                return
            }
            do {
                try send(request)
            } catch {
                answer(key, with: .failed(Problem("\(error)", hosts: [host])))
            }
        }
    }

    /// Sends `request`, which has no reply of its own.
    func send(_ request: AgentRequest) throws(TransportError) {
        guard let data = try? encoder.encode(request) else { throw TransportError("A request could not be encoded.") }
        try process.write(Array(data) + [0x0A])
    }

    /// Ends the agent's input, so that it finishes and releases the host's lock; waits for it.
    func close() {
        process.closeInput()
        _ = process.waitForExit()
    }

    /// Stops the agent at once.
    func terminate() {
        process.terminate()
    }

    // MARK: - Replies

    private func readReplies() {
        let decoder = JSONDecoder()
        while let line = process.readLine() {
            guard let reply = try? decoder.decode(AgentReply.self, from: Data(line)) else {
                let text = String(decoding: line, as: UTF8.self)
                sink.emit(.warning("\(host): The agent said something unexpected: \(text)"))
                continue
            }
            switch reply {
            case .event(let event): sink.emit(event)
            case .ready, .locked: answer("hello", with: reply)
            case .missingFiles: answer("files", with: reply)
            case .configured: answer("configure", with: reply)
            case .deployed(let root, _): answer("deploy \(root)", with: reply)
            case .failed(let problem): sink.emit(.problem(problem))
            }
        }
        let pending = hasEnded.withLock { ended in
            ended = true
            return waiting.withLock { waiting in
                defer { waiting = [:] }
                return waiting
            }
        }
        let problem = endedProblem()
        for continuation in pending.values { continuation.resume(returning: .failed(problem)) }
    }

    private func answer(_ key: String, with reply: AgentReply) {
        waiting.withLock { $0.removeValue(forKey: key) }?.resume(returning: reply)
    }

    /// Why the agent stopped answering, from what ssh or the agent said last.
    private func endedProblem() -> Problem {
        let status = process.waitForExit()
        let said = process.errorOutput().split(separator: "\n").last.map(String.init) ?? ""
        let cause = said.isEmpty ? "the agent ended with status \(status)" : said
        return Problem("The connection ended: \(cause).", hosts: [host])
    }

    private static func key(of request: AgentRequest) -> String {
        switch request {
        case .hello: "hello"
        case .files, .file: "files"
        case .configure: "configure"
        case .deploy(let root): "deploy \(root)"
        }
    }
}
