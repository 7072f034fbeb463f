/// A unified diff between two texts, laid out as Python's `difflib.unified_diff` does
/// without file names, which is what batou shows for changed files.
///
/// ```swift
/// UnifiedDiff(from: "", to: "Hello world\n").lines
/// // ["---", "+++", "@@ -0,0 +1 @@", "+Hello world"]
/// ```
struct UnifiedDiff {
    /// The diff's lines: `---`, `+++`, then hunks of `@@ … @@` and prefixed lines.
    let lines: [String]

    init(from old: String, to new: String, context: Int = 3) {
        let oldLines = Self.lines(of: old)
        let newLines = Self.lines(of: new)
        let operations = Self.operations(from: oldLines, to: newLines)
        let hunks = Self.hunks(of: operations, context: context)
        lines = hunks.isEmpty ? [] : ["---", "+++"] + hunks.flatMap { $0.lines(operations) }
    }

    /// The lines of `text` as Python's `splitlines` gives them: no line breaks, no empty last line.
    static func lines(of text: String) -> [String] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        return lines.last == "" ? lines.dropLast().map(String.init) : lines.map(String.init)
    }

    /// One line of the edit script.
    enum Operation {
        case keep(String, old: Int, new: Int)
        case remove(String, old: Int, new: Int)
        case insert(String, old: Int, new: Int)

        var isChange: Bool {
            if case .keep = self { return false }
            return true
        }

        var text: String {
            switch self {
            case .keep(let line, _, _): " " + line
            case .remove(let line, _, _): "-" + line
            case .insert(let line, _, _): "+" + line
            }
        }

        /// Positions in the old and new text at which this operation happens.
        var positions: (old: Int, new: Int) {
            switch self {
            case .keep(_, let old, let new), .remove(_, let old, let new), .insert(_, let old, let new): (old, new)
            }
        }
    }

    /// A range of operations shown together.
    struct Hunk {
        var range: Range<Int>

        func lines(_ operations: [Operation]) -> [String] {
            let slice = operations[range]
            let oldCount = slice.filter { if case .insert = $0 { false } else { true } }.count
            let newCount = slice.filter { if case .remove = $0 { false } else { true } }.count
            let start = slice.first?.positions ?? (old: 0, new: 0)
            let header = "@@ -\(Self.range(start.old, oldCount)) +\(Self.range(start.new, newCount)) @@"
            return [header] + slice.map(\.text)
        }

        /// difflib's range notation: `start,count`, `start` alone for one line, `start-1,0` for none.
        static func range(_ start: Int, _ count: Int) -> String {
            switch count {
            case 0: "\(start),0"
            case 1: "\(start + 1)"
            default: "\(start + 1),\(count)"
            }
        }
    }

    static func operations(from old: [String], to new: [String]) -> [Operation] {
        let difference = new.difference(from: old)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var operations: [Operation] = []
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < old.count || newIndex < new.count {
            if oldIndex < old.count, removed.contains(oldIndex) {
                operations.append(.remove(old[oldIndex], old: oldIndex, new: newIndex))
                oldIndex += 1
            } else if newIndex < new.count, inserted.contains(newIndex) {
                operations.append(.insert(new[newIndex], old: oldIndex, new: newIndex))
                newIndex += 1
            } else {
                operations.append(.keep(old[oldIndex], old: oldIndex, new: newIndex))
                oldIndex += 1
                newIndex += 1
            }
        }
        return operations
    }

    static func hunks(of operations: [Operation], context: Int) -> [Hunk] {
        var hunks: [Hunk] = []
        for (index, operation) in operations.enumerated() where operation.isChange {
            let range = max(0, index - context)..<min(operations.count, index + context + 1)
            if let last = hunks.last, range.lowerBound <= last.range.upperBound {
                hunks[hunks.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, range.upperBound)
            } else {
                hunks.append(Hunk(range: range))
            }
        }
        return hunks
    }
}
