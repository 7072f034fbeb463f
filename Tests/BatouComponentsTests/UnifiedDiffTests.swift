import Foundation
import Testing

@testable import BatouComponents

/// Our diffs are laid out as Python's difflib lays them out, checked against difflib itself.
@Suite struct UnifiedDiffTests {
    static let cases: [(String, String)] = [
        ("", "Hello world\n"),
        ("Hello world\n", ""),
        ("a\nb\nc\n", "a\nB\nc\n"),
        ((1...20).map { "\($0)\n" }.joined(), (1...20).map { $0 == 3 || $0 == 17 ? "x\n" : "\($0)\n" }.joined()),
        ((1...20).map { "\($0)\n" }.joined(), (1...20).map { $0 == 5 || $0 == 12 ? "x\n" : "\($0)\n" }.joined()),
        ("one\ntwo\n", "one\ntwo\nthree\nfour\n"),
        ("same\n", "same"),
    ]

    @Test(arguments: cases)
    func matchesDifflib(old: String, new: String) throws {
        #expect(UnifiedDiff(from: old, to: new).lines == (try Self.difflib(old, new)))
    }

    /// `difflib.unified_diff` of the two texts' lines, without file names, as batou calls it.
    static func difflib(_ old: String, _ new: String) throws -> [String] {
        let script = """
            import difflib, json, sys
            old, new = json.load(sys.stdin)
            lines = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="")
            print(json.dumps([line.rstrip() for line in lines]))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode([old, new]))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([String].self, from: data)
    }
}
