/// A string as Python sees it: a sequence of Unicode code points, with the methods of `str`.
///
/// ```swift
/// PythonString("a,b,,c").split(separator: ",")   // ["a", "b", "", "c"]
/// ```
///
/// Python counts, indexes and searches strings by code point, where Swift counts grapheme
/// clusters; working on scalars keeps lengths, slices and positions the same as Jinja2's.
struct PythonString {
    var scalars: [Unicode.Scalar]

    init(_ string: String) {
        scalars = Array(string.unicodeScalars)
    }

    init(scalars: some Sequence<Unicode.Scalar>) {
        self.scalars = Array(scalars)
    }

    var string: String { String(String.UnicodeScalarView(scalars)) }

    var count: Int { scalars.count }

    // MARK: - Searching

    /// The position of the first occurrence of `needle` at or after `start`.
    func firstIndex(of needle: PythonString, from start: Int = 0) -> Int? {
        guard needle.count <= count - start else { return nil }
        guard !needle.scalars.isEmpty else { return start }
        return (start...(count - needle.count)).first { position in
            scalars[position..<(position + needle.count)].elementsEqual(needle.scalars)
        }
    }

    /// The position of the last occurrence of `needle` that ends at or before `end`.
    func lastIndex(of needle: PythonString, before end: Int? = nil) -> Int? {
        let end = end ?? count
        guard needle.count <= end else { return nil }
        return stride(from: end - needle.count, through: 0, by: -1).first { position in
            scalars[position..<(position + needle.count)].elementsEqual(needle.scalars)
        }
    }

    /// How often `needle` occurs without overlapping, as `str.count`.
    func occurrences(of needle: PythonString) -> Int {
        guard !needle.scalars.isEmpty else { return count + 1 }
        var found = 0
        var position = 0
        while let next = firstIndex(of: needle, from: position) {
            found += 1
            position = next + needle.count
        }
        return found
    }

    func hasPrefix(_ prefix: PythonString) -> Bool { scalars.starts(with: prefix.scalars) }

    func hasSuffix(_ suffix: PythonString) -> Bool { scalars.reversed().starts(with: suffix.scalars.reversed()) }

    // MARK: - Splitting and joining

    /// `str.split(sep, maxsplit)`: at each `separator`, or without one at runs of whitespace,
    /// leaving out empty parts.
    func split(separator: PythonString? = nil, maxSplits: Int = -1) -> [PythonString] {
        guard let separator else {
            return splitAtWhitespace(maxSplits: maxSplits, reversed: false)
        }
        var parts: [PythonString] = []
        var position = 0
        while maxSplits < 0 || parts.count < maxSplits, let next = firstIndex(of: separator, from: position) {
            parts.append(PythonString(scalars: scalars[position..<next]))
            position = next + separator.count
        }
        parts.append(PythonString(scalars: scalars[position...]))
        return parts
    }

    /// `str.rsplit(sep, maxsplit)`: as ``split(separator:maxSplits:)``, splitting from the end.
    func rsplit(separator: PythonString? = nil, maxSplits: Int = -1) -> [PythonString] {
        guard let separator else {
            return splitAtWhitespace(maxSplits: maxSplits, reversed: true)
        }
        var parts: [PythonString] = []
        var end = count
        while maxSplits < 0 || parts.count < maxSplits, let next = lastIndex(of: separator, before: end) {
            parts.append(PythonString(scalars: scalars[(next + separator.count)..<end]))
            end = next
        }
        parts.append(PythonString(scalars: scalars[..<end]))
        return parts.reversed()
    }

    private func splitAtWhitespace(maxSplits: Int, reversed: Bool) -> [PythonString] {
        let source = reversed ? Array(scalars.reversed()) : scalars
        var parts: [[Unicode.Scalar]] = []
        var position = source.startIndex
        while position < source.endIndex {
            guard !Self.isWhitespace(source[position]) else {
                position += 1
                continue
            }
            if maxSplits >= 0 && parts.count == maxSplits {
                var rest = Array(source[position...])
                while let last = rest.last, Self.isWhitespace(last) {
                    rest.removeLast()
                }
                parts.append(rest)
                break
            }
            let end = source[position...].firstIndex(where: Self.isWhitespace) ?? source.endIndex
            parts.append(Array(source[position..<end]))
            position = end
        }
        let strings = parts.map { PythonString(scalars: reversed ? $0.reversed() : $0) }
        return reversed ? strings.reversed() : strings
    }

    /// `str.splitlines(keepends)`: at each line boundary Python knows, `\r\n` counting as one.
    func splitLines(keepingEnds: Bool = false) -> [PythonString] {
        var lines: [PythonString] = []
        var start = 0
        var position = 0
        while position < count {
            guard Self.isLineBoundary(scalars[position]) else {
                position += 1
                continue
            }
            let endOfText = position
            position += scalars[position] == "\r" && position + 1 < count && scalars[position + 1] == "\n" ? 2 : 1
            lines.append(PythonString(scalars: scalars[start..<(keepingEnds ? position : endOfText)]))
            start = position
        }
        if start < count {
            lines.append(PythonString(scalars: scalars[start...]))
        }
        return lines
    }

    /// `str.partition(sep)`, or from the end, `str.rpartition(sep)`.
    func partition(_ separator: PythonString, fromEnd: Bool) -> (PythonString, PythonString, PythonString) {
        let found = fromEnd ? lastIndex(of: separator) : firstIndex(of: separator)
        guard let found else {
            return fromEnd ? (PythonString(""), PythonString(""), self) : (self, PythonString(""), PythonString(""))
        }
        return (
            PythonString(scalars: scalars[..<found]), separator,
            PythonString(scalars: scalars[(found + separator.count)...])
        )
    }

    /// `str.replace(old, new, count)`; an empty `old` inserts `new` between all characters.
    func replacing(_ old: PythonString, with new: PythonString, maxReplacements: Int = -1) -> PythonString {
        var result: [Unicode.Scalar] = []
        var replacements = 0
        var position = 0
        while maxReplacements < 0 || replacements < maxReplacements {
            if old.scalars.isEmpty {
                result += new.scalars
                replacements += 1
                guard position < count else { return PythonString(scalars: result) }
                result.append(scalars[position])
                position += 1
                continue
            }
            guard let next = firstIndex(of: old, from: position) else { break }
            result += scalars[position..<next] + new.scalars
            position = next + old.count
            replacements += 1
        }
        return PythonString(scalars: result + scalars[position...])
    }

    // MARK: - Trimming and padding

    /// `str.strip(chars)`: without characters to remove, whitespace.
    func stripped(_ characters: PythonString? = nil, leading: Bool = true, trailing: Bool = true) -> PythonString {
        let shouldRemove: (Unicode.Scalar) -> Bool = characters.map { set in { set.scalars.contains($0) } }
            ?? Self.isWhitespace
        var slice = scalars[...]
        while leading, let first = slice.first, shouldRemove(first) {
            slice.removeFirst()
        }
        while trailing, let last = slice.last, shouldRemove(last) {
            slice.removeLast()
        }
        return PythonString(scalars: slice)
    }

    /// `str.center(width, fillchar)`, with Python's choice of side for an odd margin.
    func centered(width: Int, fill: Unicode.Scalar = " ") -> PythonString {
        let margin = width - count
        guard margin > 0 else { return self }
        let left = margin / 2 + (margin & width & 1)
        return padded(left: left, right: margin - left, fill: fill)
    }

    /// `str.ljust` (`leftAligned`) or `str.rjust`.
    func justified(width: Int, fill: Unicode.Scalar = " ", leftAligned: Bool) -> PythonString {
        let margin = max(0, width - count)
        return leftAligned ? padded(left: 0, right: margin, fill: fill) : padded(left: margin, right: 0, fill: fill)
    }

    /// `str.zfill(width)`: zeros after the sign.
    func zeroFilled(width: Int) -> PythonString {
        let margin = width - count
        guard margin > 0 else { return self }
        var result = Array(repeating: Unicode.Scalar("0"), count: margin) + scalars
        if let sign = scalars.first, sign == "+" || sign == "-" {
            result[0] = sign
            result[margin] = "0"
        }
        return PythonString(scalars: result)
    }

    private func padded(left: Int, right: Int, fill: Unicode.Scalar) -> PythonString {
        PythonString(scalars: Array(repeating: fill, count: left) + scalars + Array(repeating: fill, count: right))
    }

    // MARK: - Case

    /// `str.title()`: a letter after a cased letter is lower case, any other letter title case.
    var titled: PythonString {
        var result: [Unicode.Scalar] = []
        var previousIsCased = false
        for scalar in scalars {
            result += (previousIsCased ? scalar.properties.lowercaseMapping : scalar.properties.titlecaseMapping)
                .unicodeScalars
            previousIsCased = scalar.properties.isCased
        }
        return PythonString(scalars: result)
    }

    /// `str.capitalize()`: the first character in title case, the rest in lower case.
    var capitalized: PythonString {
        guard let first = scalars.first else { return self }
        let rest = PythonString(scalars: scalars.dropFirst()).string.lowercased()
        return PythonString(first.properties.titlecaseMapping + rest)
    }

    /// `str.isupper()` (`upper`) or `str.islower()`: some cased character, and all in that case.
    func isCased(upper: Bool) -> Bool {
        let cased = scalars.filter { $0.properties.isCased }
        return !cased.isEmpty && cased.allSatisfy { upper ? !$0.properties.isLowercase : !$0.properties.isUppercase }
    }

    // MARK: - Character classes

    /// Python's whitespace: what `str.split()` and `str.strip()` remove.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    private static func isLineBoundary(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.numericType {
        case .decimal?, .digit?: true
        default: false
        }
    }

    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }
}
