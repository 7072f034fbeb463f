#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs blocking work on a thread of its own, so that waiting for it never occupies one of
/// the few threads of Swift's cooperative pool.
package enum DedicatedThread {
    /// Runs `work` on a new thread and returns its result.
    package static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: work()) }
        }
    }

    private final class Body {
        let run: @Sendable () -> Void

        init(_ run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }

    /// Starts `body` on a new thread and returns at once.
    package static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, context)
        if status == 0 {
            pthread_detach(thread)
        } else {
            // Without a new thread, do the work here rather than not at all.
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
        }
    }
}
