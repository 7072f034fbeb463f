import BatouModel

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A host's deployment lock: `.batou-lock` in the deployment directory, naming who holds it.
///
/// The kernel releases it when the agent ends, however it ends.
struct HostLock {
    private let descriptor: Int32

    /// Takes the lock for `owner`; throws with the current owner when another run holds it.
    init(directory: String, owner: LockOwner) throws(HostLockFailure) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unusable(Problem("Cannot create the deployment directory \(directory): \(error)"))
        }
        let path = directory + "/.batou-lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .unusable(Problem("Cannot open the lock file \(path): \(String(cString: strerror(errno)))."))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))
                .flatMap { try? JSONDecoder().decode(LockOwner.self, from: Data($0.utf8)) }
            close(descriptor)
            throw .held(holder ?? LockOwner(user: "unknown", machine: "unknown", environment: "unknown", since: "unknown"))
        }
        let text = Array(((try? JSONEncoder().encode(owner)) ?? Data()))
        ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    func release() {
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Why a host's lock could not be taken.
enum HostLockFailure: Error {
    case held(LockOwner)
    case unusable(Problem)

    var reply: AgentReply {
        switch self {
        case .held(let owner): .locked(owner)
        case .unusable(let problem): .failed(problem)
        }
    }
}
