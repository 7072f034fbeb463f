import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A program started with pipes to its standard input and output; what it writes to
/// standard error is collected.
///
/// ```swift
/// let process = try ChildProcess(["ssh", "-F", "ssh_config", "host1", "true"])
/// let status = process.waitForExit()
/// ```
///
/// Its calls block; make them from a ``DedicatedThread``, never from Swift's cooperative pool.
/// Started with `posix_spawn`, so that a child such as `ssh`, which closes the descriptors it
/// inherits, cannot confuse how its exit is noticed.
package final class ChildProcess: @unchecked Sendable {
    /// The process id.
    package let pid: pid_t
    private let input: Int32
    private let output: Int32
    private let errors = CollectedOutput()
    private var reader: LineReader
    private let exitStatus = Mutex<Int32?>(nil)
    private let isInputOpen = Mutex(true)

    /// Pipes are made and handed to a child under this lock, so that no other child started
    /// at the same moment inherits them (and keeps them open after this child ends).
    private static let spawning = Mutex(())
    /// The programs that are still running, for ``terminateAll()``.
    private static let running = Mutex<Set<pid_t>>([])

    /// Writing to a program that has ended must fail with an error, not end this process.
    private static let ignoresBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Starts `arguments[0]` (looked up in `PATH`) with the rest as its arguments, in this
    /// process's environment with the variables in `environment` added or replaced.
    package init(_ arguments: [String], environment: [String: String] = [:]) throws(TransportError) {
        Self.ignoresBrokenPipes
        var inputPipe: [Int32] = [0, 0]
        var outputPipe: [Int32] = [0, 0]
        var errorPipe: [Int32] = [0, 0]
        var pid: pid_t = 0
        let status: Int32 = try Self.spawning.withLock { _ throws(TransportError) in
            guard pipe(&inputPipe) == 0, pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else {
                throw TransportError("Cannot create pipes for \(arguments[0]): \(String(cString: strerror(errno))).")
            }
            for descriptor in inputPipe + outputPipe + errorPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
            posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
            let argv = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            return Self.withCleanSignals { attributes in
                guard !environment.isEmpty else { return posix_spawnp(&pid, arguments[0], &actions, attributes, argv, environ) }
                let envp = Self.variables(replacing: environment).map { strdup($0) } + [nil]
                defer { envp.forEach { free($0) } }
                return posix_spawnp(&pid, arguments[0], &actions, attributes, argv, envp)
            }
        }
        close(inputPipe[0])
        close(outputPipe[1])
        close(errorPipe[1])
        guard status == 0 else {
            close(inputPipe[1])
            close(outputPipe[0])
            close(errorPipe[0])
            throw TransportError("Cannot start \(arguments[0]): \(String(cString: strerror(status))).")
        }
        self.pid = pid
        Self.running.withLock { _ = $0.insert(pid) }
        self.input = inputPipe[1]
        self.output = outputPipe[0]
        self.reader = LineReader(descriptor: outputPipe[0])
        let errorDescriptor = errorPipe[0]
        let errors = self.errors
        DedicatedThread.start { errors.collect(from: errorDescriptor) }
    }

    deinit {
        closeInput()
        close(output)
    }

    /// Writes all of `bytes` to the program's standard input.
    package func write(_ bytes: [UInt8]) throws(TransportError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(input, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw TransportError("The connection closed: \(String(cString: strerror(errno))).")
            }
            offset += written
        }
    }

    /// Ends the program's standard input.
    package func closeInput() {
        isInputOpen.withLock { isOpen in
            if isOpen { close(input) }
            isOpen = false
        }
    }

    /// The next line of the program's standard output, without its line break; `nil` at the end.
    ///
    /// Only one thread may read.
    package func readLine() -> [UInt8]? {
        reader.readLine()
    }

    /// Everything else the program writes to its standard output.
    package func readToEnd() -> [UInt8] {
        reader.readToEnd()
    }

    /// Waits for the program to end; returns its exit status (128 + signal if killed).
    package func waitForExit() -> Int32 {
        if let status = exitStatus.withLock({ $0 }) { return status }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        exitStatus.withLock { $0 = code }
        Self.running.withLock { _ = $0.remove(pid) }
        return code
    }

    /// What the program wrote to standard error, once it has closed it.
    package func errorOutput() -> String {
        errors.text()
    }

    /// The last line the program wrote to standard error, which usually says why it failed,
    /// without a final full stop so that it can end a sentence of ours.
    package func lastErrorLine() -> String? {
        errorOutput().split(whereSeparator: \.isNewline).last.map { line in
            String(line.reversed().drop(while: { $0 == "." || $0 == " " }).reversed())
        }
    }

    /// Runs `command` with `sh -c` on this process's terminal (for an editor) and returns its
    /// exit status once it ends.
    package static func runOnTerminal(_ command: String) -> Int32 {
        Self.ignoresBrokenPipes
        var pid: pid_t = 0
        let words: [String] = ["sh", "-c", command]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard withCleanSignals({ posix_spawnp(&pid, "sh", nil, $0, argv, environ) }) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Calls `body` with spawn attributes that give a child the signals a program expects: none
    /// blocked (a child inherits the mask of the thread that starts it, and the runtime's
    /// threads block signals, which would leave `ssh` deaf to ``terminateAll()``), and the ones
    /// this process ignores, such as SIGPIPE, at their defaults.
    private static func withCleanSignals(_ body: (UnsafePointer<posix_spawnattr_t>) -> Int32) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return body(&attributes)
    }

    /// This process's environment as `NAME=value` strings, with `replacements` added or replaced.
    private static func variables(replacing replacements: [String: String]) -> [String] {
        var variables: [String] = []
        var index = 0
        while let entry = environ[index] {
            let variable = String(cString: entry)
            let name = String(variable.prefix { $0 != "=" })
            if replacements[name] == nil { variables.append(variable) }
            index += 1
        }
        return variables + replacements.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    /// Asks every program started here that is still running to stop.
    package static func terminateAll() {
        for pid in running.withLock({ $0 }) { kill(pid, SIGTERM) }
    }
}

private let systemWrite = write

/// A connection or program failed; the message says what and, when known, why.
package struct TransportError: Error, CustomStringConvertible {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}

/// What a program writes to a descriptor, read by a thread of its own until the end.
private final class CollectedOutput: Sendable {
    private let bytes = Mutex<[UInt8]>([])
    private let done = DoneSignal()

    func collect(from descriptor: Int32) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.withLock { $0 += chunk[0..<count] }
        }
        close(descriptor)
        done.signal()
    }

    /// Everything collected, once the writer has closed its end.
    func text() -> String {
        done.wait()
        return String(decoding: bytes.withLock { $0 }, as: UTF8.self)
    }
}

/// A one-time signal between threads.
final class DoneSignal: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var isDone = false

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    func signal() {
        pthread_mutex_lock(&mutex)
        isDone = true
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }

    func wait() {
        pthread_mutex_lock(&mutex)
        while !isDone { pthread_cond_wait(&condition, &mutex) }
        pthread_mutex_unlock(&mutex)
    }
}
