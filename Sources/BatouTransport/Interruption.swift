import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM: the first stops every program this process started — ssh
/// to the hosts, whose agents then end and release their locks — and lets the run finish
/// its report; a second one ends the process at once.
package enum Interruption {
    /// Whether the run was interrupted.
    package static var isInterrupted: Bool { interrupted.load(ordering: .relaxed) }

    /// Installs the handlers. Call it before starting any program, so no signal is lost.
    package static func install() {
        guard !installed.exchange(true, ordering: .relaxed) else { return }
        for signal in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                var byte: UInt8 = 1
                _ = write(Interruption.wakeup.write, &byte, 1)
            }
            sigaction(signal, &action, nil)
        }
        DedicatedThread.start {
            var byte: UInt8 = 0
            while read(wakeup.read, &byte, 1) < 0 && errno == EINTR {}
            interrupted.store(true, ordering: .relaxed)
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
            ChildProcess.terminateAll()
        }
    }

    private static let interrupted = Atomic(false)
    private static let installed = Atomic(false)
    /// The pipe a signal handler writes to: the only safe thing a handler can do.
    private static let wakeup: (read: Int32, write: Int32) = {
        var descriptors: [Int32] = [-1, -1]
        _ = pipe(&descriptors)
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }()
}
