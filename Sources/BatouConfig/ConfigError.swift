/// A problem in an environment file, with the place it was found.
///
/// ```swift
/// ConfigError(file: "environments/dev/environment.cfg", line: 3, message: "Section header is missing ']'.")
/// // environments/dev/environment.cfg:3: Section header is missing ']'.
/// ```
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user names it (relative to the deployment).
    public var file: String
    /// The 1-based line the problem is on.
    public var line: Int
    /// A finished sentence saying what is wrong and, when known, how to fix it.
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// Everything wrong with one file, collected so that one run reports all of it.
public struct ConfigDiagnostics: Sendable, Hashable {
    /// Problems that stop the file from being used.
    public var errors: [ConfigError] = []
    /// Problems that are reported but do not stop a deployment.
    public var warnings: [ConfigError] = []

    public init() {}

    mutating func error(_ file: String, _ line: Int, _ message: String) {
        errors.append(ConfigError(file: file, line: line, message: message))
    }

    mutating func warning(_ file: String, _ line: Int, _ message: String) {
        warnings.append(ConfigError(file: file, line: line, message: message))
    }
}
