/// Something that makes a deployment fail, as it is reported: one finished sentence,
/// and the hosts where it happened.
///
/// Equal problems from several hosts are merged into one that names all of them,
/// as batou merges equal errors.
public struct Problem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// What went wrong, where (file:line or breadcrumbs), and how to fix it when known.
    public var message: String
    /// The hosts that reported it; empty for problems of the deployment as a whole.
    public var hosts: [String]

    public init(_ message: String, hosts: [String] = []) {
        self.message = message
        self.hosts = hosts
    }

    /// `web1, web2: message`, or the message alone.
    public var description: String {
        hosts.isEmpty ? message : hosts.joined(separator: ", ") + ": " + message
    }

    /// `problems` with equal messages merged, keeping the order of first appearance.
    static func merged(_ problems: [Problem]) -> [Problem] {
        var merged: [Problem] = []
        for problem in problems {
            if let index = merged.firstIndex(where: { $0.message == problem.message }) {
                for host in problem.hosts where !merged[index].hosts.contains(host) {
                    merged[index].hosts.append(host)
                }
            } else {
                merged.append(problem)
            }
        }
        return merged
    }
}
