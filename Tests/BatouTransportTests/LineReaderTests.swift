import Foundation
import Testing

@testable import BatouTransport

@Suite struct LineReaderTests {
    /// The lines read from a pipe that receives `pieces` one write at a time, with pauses
    /// between them so that the reader sees them arrive separately.
    private func lines(from pieces: [String]) -> [String] {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let writer = descriptors[1]
        let writing = Thread {
            for piece in pieces {
                let bytes = Array(piece.utf8)
                var offset = 0
                while offset < bytes.count {
                    offset += bytes[offset...].withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
                }
                usleep(20_000)
            }
            close(writer)
        }
        writing.start()
        var reader = LineReader(descriptor: descriptors[0])
        var lines: [String] = []
        while let line = reader.readLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        close(descriptors[0])
        return lines
    }

    @Test func joinsLinesThatArriveInPieces() {
        #expect(lines(from: ["ab\ncd", "ef\ngh\n", "i", "j\n"]) == ["ab", "cdef", "gh", "ij"])
    }

    @Test func returnsTheLastLineWithoutALineBreak() {
        #expect(lines(from: ["one\ntwo"]) == ["one", "two"])
        #expect(lines(from: [""]) == [])
    }

    @Test func readsLongLines() {
        let long = String(repeating: "x", count: 200_000)
        let read = lines(from: ["a\n" + long.prefix(70000), String(long.dropFirst(70000)) + "\nb\n"])
        #expect(read.map(\.count) == [1, 200_000, 1])
        #expect(read.count == 3 && read[1] == long && read[2] == "b")
    }
}
