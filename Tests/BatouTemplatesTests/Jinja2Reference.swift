import Foundation

/// What Jinja2 renders for every corpus case, from one run of `render-with-jinja2.py`.
struct Jinja2Reference: Sendable, Decodable {
    /// The version of Jinja2 that rendered the corpus.
    var jinja2: String
    var cases: [Case]

    /// One case: its variables, and either the text Jinja2 rendered or how it failed.
    struct Case: Sendable, Decodable {
        var name: String
        var context: [ContextValue.Entry]
        var output: String?
        var error: Failure?
    }

    /// How Jinja2 failed: `kind` is the raw value of the engine's `TemplateError.Kind`.
    struct Failure: Sendable, Decodable, Equatable {
        var kind: String
        var template: String
        var line: Int
        var message: String
    }

    /// The version the corpus's expectations were checked against.
    static let expectedVersion = "3.1.6"

    /// Whether `python3` on the `PATH` can import `jinja2`.
    static let isInstalled: Bool = (try? Python.run(["-c", "import jinja2"]).status) == 0

    /// The rendering of the whole corpus, made once for all tests.
    static let corpus = Result { () throws(Python.Failure) in try renderCorpus() }

    private static func renderCorpus() throws(Python.Failure) -> Jinja2Reference {
        let script = TemplateCorpus.testsDirectory + "/render-with-jinja2.py"
        let result: (status: Int32, output: Data, errors: String)
        do {
            result = try Python.run([script, TemplateCorpus.directory])
        } catch {
            throw Python.Failure(description: "python3 did not start: \(error)")
        }
        guard result.status == 0 else {
            throw Python.Failure(description: "render-with-jinja2.py exited with \(result.status):\n\(result.errors)")
        }
        do {
            return try JSONDecoder().decode(Jinja2Reference.self, from: result.output)
        } catch {
            throw Python.Failure(description: "render-with-jinja2.py printed what is not a rendering: \(error)")
        }
    }

    /// The case called `name`.
    /// - Throws: `Python.Failure` when Jinja2 could not render the corpus or left this case out.
    static func `case`(_ name: String) throws -> Case {
        let reference = try corpus.get()
        guard let found = reference.cases.first(where: { $0.name == name }) else {
            throw Python.Failure(description: "render-with-jinja2.py rendered no case \(name).")
        }
        return found
    }
}

/// Runs `python3` from the `PATH`.
enum Python {
    struct Failure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        // Errors go to a file, so that a pipe nobody reads yet cannot fill up and stall Python.
        let errorFile = FileManager.default.temporaryDirectory.path + "/batou-jinja2-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: errorFile)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = FileManager.default.contents(atPath: errorFile) ?? Data()
        return (process.terminationStatus, data, String(decoding: errors, as: UTF8.self))
    }
}
