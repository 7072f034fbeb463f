/// A file in batou's INI dialect: Python's `RawConfigParser` with case-sensitive keys.
///
/// ```swift
/// var diagnostics = ConfigDiagnostics()
/// let document = IniDocument(parsing: "[hosts]\nlocalhost = hello\n", file: "dev.cfg", diagnostics: &diagnostics)
/// document.sections[0].entries[0].value  // "hello"
/// ```
///
/// Keys and values are separated by the first `=` or `:`; lines starting with `#` or `;`
/// are comments (there are no inline comments); a line indented deeper than its key
/// continues that key's value. Parsing never stops at the first problem: every malformed
/// line is reported in `diagnostics` and the rest of the file is still read.
public struct IniDocument: Sendable, Hashable {
    /// The sections in the order they appear.
    public var sections: [IniSection]
    /// The file name used in messages.
    public var file: String

    public init(parsing text: String, file: String, diagnostics: inout ConfigDiagnostics) {
        var parser = IniParser(file: file)
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            parser.read(line, number: index + 1, diagnostics: &diagnostics)
        }
        self.sections = parser.finish()
        self.file = file
    }

    /// The first section called `name`, if any.
    public func section(_ name: String) -> IniSection? {
        sections.first { $0.name == name }
    }
}

/// One `[name]` section of an INI file.
public struct IniSection: Sendable, Hashable {
    /// The name between the brackets.
    public var name: String
    /// The line of the section header.
    public var line: Int
    /// The keys in the order they appear.
    public var entries: [IniEntry]

    /// The entry for `key`, if the section has one.
    public subscript(key: String) -> IniEntry? {
        entries.first { $0.key == key }
    }
}

/// One `key = value` of an INI section. Continuation lines are joined with newlines.
public struct IniEntry: Sendable, Hashable {
    public var key: String
    public var value: String
    /// The line the key is on.
    public var line: Int
    /// The last line of the value: `line`, unless the value continues on the lines below.
    public var lastLine: Int

    public init(key: String, value: String, line: Int, lastLine: Int? = nil) {
        self.key = key
        self.value = value
        self.line = line
        self.lastLine = lastLine ?? line
    }

    /// The value read as batou reads lists: items separated by commas or line breaks,
    /// each trimmed; empty items are dropped.
    public var listItems: [String] {
        value.split(whereSeparator: { $0 == "," || $0 == "\n" })
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }
}

/// Reads an INI file line by line, the way Python's `configparser` does.
private struct IniParser {
    /// Where the lines being read belong.
    enum Target {
        /// Before the first section header.
        case start
        /// Lines after a broken header or a misplaced key: already reported, so skipped.
        case skipped
        /// The last section in `sections`.
        case section
    }

    let file: String
    var sections: [IniSection] = []
    var target = Target.start
    /// The indentation of the last key and the blank lines seen since, while a value may continue.
    var continuation: (indent: Int, blankLines: Int, isKept: Bool)?

    init(file: String) {
        self.file = file
    }

    mutating func read(_ line: Substring, number: Int, diagnostics: inout ConfigDiagnostics) {
        let content = line.trimmingWhitespace()
        if content.hasPrefix("#") || content.hasPrefix(";") { return }
        if content.isEmpty {
            continuation?.blankLines += 1
            return
        }
        let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
        if let (keyIndent, blankLines, isKept) = continuation, indent > keyIndent {
            if isKept { appendToLastValue(Array(repeating: "", count: blankLines) + [content], endingOn: number) }
            continuation = (keyIndent, 0, isKept)
            return
        }
        continuation = nil
        if content.hasPrefix("[") {
            readSectionHeader(content, number: number, diagnostics: &diagnostics)
        } else {
            readEntry(content, indent: indent, number: number, diagnostics: &diagnostics)
        }
    }

    func finish() -> [IniSection] { sections }

    private mutating func readSectionHeader(_ content: String, number: Int, diagnostics: inout ConfigDiagnostics) {
        target = .skipped
        guard let close = content.firstIndex(of: "]") else {
            diagnostics.error(file, number, "Section header is missing ']'.")
            return
        }
        let name = content[content.index(after: content.startIndex)..<close].trimmingWhitespace()
        let rest = content[content.index(after: close)...].trimmingWhitespace()
        if name.isEmpty {
            diagnostics.error(file, number, "Section header has no name.")
        } else if !rest.isEmpty {
            diagnostics.error(file, number, "Unexpected text '\(rest)' after section header [\(name)].")
        } else if let first = sections.first(where: { $0.name == name }) {
            diagnostics.error(file, number, "Section [\(name)] is defined twice; it was first defined on line \(first.line).")
        } else {
            sections.append(IniSection(name: name, line: number, entries: []))
            target = .section
        }
    }

    private mutating func readEntry(_ content: String, indent: Int, number: Int, diagnostics: inout ConfigDiagnostics) {
        switch target {
        case .start:
            diagnostics.error(file, number, "Expected a section header such as [environment] before this line.")
            target = .skipped
            return
        case .skipped:
            return
        case .section:
            break
        }
        guard let separator = content.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
            diagnostics.error(file, number, "Expected 'key = value' but found '\(content)'.")
            return
        }
        let key = content[..<separator].trimmingWhitespace()
        let value = content[content.index(after: separator)...].trimmingWhitespace()
        let section = sections.count - 1
        let sectionName = sections[section].name
        guard !key.isEmpty else {
            diagnostics.error(file, number, "Expected a key before '\(content[separator])' in [\(sectionName)].")
            return
        }
        if let first = sections[section][key] {
            diagnostics.error(
                file, number, "Key '\(key)' is set twice in [\(sectionName)]; it was first set on line \(first.line).")
            continuation = (indent, 0, false)
            return
        }
        sections[section].entries.append(IniEntry(key: key, value: value, line: number))
        continuation = (indent, 0, true)
    }

    private mutating func appendToLastValue(_ lines: [String], endingOn number: Int) {
        let section = sections.count - 1
        let entry = sections[section].entries.count - 1
        sections[section].entries[entry].value += "\n" + lines.joined(separator: "\n")
        sections[section].entries[entry].lastLine = number
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks (CR LF is one
    /// character in Swift).
    package func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
