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
    private let waiting = Mutex<[Int: CheckedContinuation<AgentReply, Never>]>([:])
    private let lastRequest = Mutex(0)
    /// Whether the agent's output has ended; later requests are answered at once.
    private let hasEnded = Mutex(false)
    /// Whether the agent answered anything, which tells a failed start from a lost connection.
    private let hasAnswered = Mutex(false)
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
        let id = lastRequest.withLock { last in
            last += 1
            return last
        }
        return await withCheckedContinuation { continuation in
            let ended = hasEnded.withLock { ended in
                if !ended { waiting.withLock { $0[id] = continuation } }
                return ended
            }
            if ended {
                continuation.resume(returning: .failed(endedProblem()))
                return
            }
            guard let data = try? encoder.encode(AgentEnvelope(id: id, message: request)) else {
                answer(id, with: .failed(Problem("A request to the agent could not be encoded.", hosts: [host])))
                return
            }
            do {
                try process.write(Array(data) + [0x0A])
            } catch {
                // The agent or ssh has ended; what it said last tells why better than the broken pipe.
                answer(id, with: .failed(endedProblem()))
            }
        }
    }

    /// Ends the agent's input, so that it finishes and releases the host's lock; waits for it.
    func close() {
        process.closeInput()
        _ = process.waitForExit()
    }

    /// How the agent's process ended (waiting for it to end).
    func exitStatus() async -> Int32 {
        let process = self.process
        return await DedicatedThread.run { process.waitForExit() }
    }

    // MARK: - Replies

    private func readReplies() {
        let decoder = JSONDecoder()
        while let line = process.readLine() {
            guard let envelope = try? decoder.decode(AgentEnvelope<AgentReply>.self, from: Data(line)) else {
                let text = String(decoding: line, as: UTF8.self)
                sink.emit(.warning("\(host): The agent said something unexpected: \(text)"))
                continue
            }
            if case .event(let event) = envelope.message {
                sink.emit(event)
            } else if let id = envelope.id {
                hasAnswered.withLock { $0 = true }
                answer(id, with: envelope.message)
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

    private func answer(_ id: Int, with reply: AgentReply) {
        waiting.withLock { $0.removeValue(forKey: id) }?.resume(returning: reply)
    }

    /// Why the agent stopped answering, from what ssh or the agent said last.
    private func endedProblem() -> Problem {
        let status = process.waitForExit()
        let cause = process.lastErrorLine() ?? "it ended with status \(status)"
        // ssh itself ends with 255 when it cannot connect.
        let what =
            status == 255 ? "Cannot reach the host"
            : hasAnswered.withLock({ $0 }) ? "The connection to the agent ended" : "The agent could not start"
        return Problem("\(what): \(cause).", hosts: [host])
    }
}
