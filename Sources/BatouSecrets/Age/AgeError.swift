/// An age file could not be made or read; the message says why.
public struct AgeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
