#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The deployment's `.batou-lock`: while one run holds it, a second run stops.
struct DeploymentLock {
    private let descriptor: Int32

    /// Takes the lock in `directory`; throws when another run holds it.
    init(in directory: String) throws(Problem) {
        let path = directory + "/.batou-lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Problem("Could not open the lock file \(path): \(String(cString: strerror(errno))).")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw Problem(
                "Could not acquire lock .batou-lock: another batou run of this deployment is in progress. "
                    + "Wait for it to finish, then run again.")
        }
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
