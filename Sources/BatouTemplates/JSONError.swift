/// JSON text that could not be read.
public struct JSONError: Error, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public var description: String { "line \(line), column \(column): \(reason)." }
}
