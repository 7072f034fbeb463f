/// Line wrapping as Python's `textwrap.wrap` does it for Jinja2's `wordwrap`: tabs and
/// newlines kept, whitespace dropped at line ends, words split after hyphens.
///
/// ```swift
/// try TextWrapper(width: 10).wrap(PythonString("a well-known fact"))   // ["a well-", "known fact"]
/// ```
struct TextWrapper {
    var width: Int
    /// Whether a word longer than a line is split; otherwise it gets a line of its own.
    var breaksLongWords = true
    /// Whether words may break after a hyphen (`well-known`).
    var breaksOnHyphens = true

    /// The lines of `text`, each at most `width` characters unless a word can't be split.
    ///
    /// - Throws: ``TemplateFailure`` of kind `.value` for a width below 1.
    func wrap(_ text: PythonString) throws(TemplateFailure) -> [PythonString] {
        guard width > 0 else {
            throw TemplateFailure(.value, "invalid width \(width) (must be > 0)")
        }
        var chunks = Array(self.chunks(of: text.scalars).reversed())
        var lines: [PythonString] = []
        while !chunks.isEmpty {
            var line: [[Unicode.Scalar]] = []
            var length = 0
            if let last = chunks.last, !lines.isEmpty, Self.isBlank(last) {
                chunks.removeLast()
            }
            while let chunk = chunks.last, length + chunk.count <= width {
                line.append(chunk)
                length += chunk.count
                chunks.removeLast()
            }
            if let chunk = chunks.last, chunk.count > width {
                breakLongWord(&chunks, into: &line, length: length)
            }
            if let last = line.last, Self.isBlank(last) {
                line.removeLast()
            }
            if !line.isEmpty {
                lines.append(PythonString(scalars: line.joined()))
            }
        }
        return lines
    }

    // MARK: - Helpers

    /// Moves as much of the next chunk onto the line as fits, preferring to break after a hyphen.
    private func breakLongWord(_ chunks: inout [[Unicode.Scalar]], into line: inout [[Unicode.Scalar]], length: Int) {
        guard let chunk = chunks.last else { return }
        // With the line full, nothing of the word moves: the empty part is dropped as blank.
        let spaceLeft = width - length
        guard breaksLongWords else {
            if line.isEmpty {
                line.append(chunks.removeLast())
            }
            return
        }
        var end = spaceLeft
        if breaksOnHyphens, chunk.count > spaceLeft,
            let hyphen = chunk[..<spaceLeft].lastIndex(of: "-"), hyphen > 0,
            chunk[..<hyphen].contains(where: { $0 != "-" })
        {
            end = hyphen + 1
        }
        line.append(Array(chunk[..<end]))
        chunks[chunks.count - 1] = Array(chunk[end...])
    }

    /// The text as runs of whitespace and words, words split after their hyphens when allowed.
    private func chunks(of scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var chunks: [[Unicode.Scalar]] = []
        var position = 0
        while position < scalars.count {
            let isSpace = Self.isSpace(scalars[position])
            let end = scalars[position...].firstIndex { Self.isSpace($0) != isSpace } ?? scalars.count
            let run = Array(scalars[position..<end])
            chunks += isSpace || !breaksOnHyphens ? [run] : Self.hyphenatedParts(of: run)
            position = end
        }
        return chunks
    }

    /// A word split as textwrap's `wordsep_re` does: after a hyphen with two letters on
    /// either side (`well-known`, `a-b-c`), and around em-dashes written as `--`.
    private static func hyphenatedParts(of word: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        func scalar(_ offset: Int) -> Unicode.Scalar? { word.indices.contains(offset) ? word[offset] : nil }
        func isWordCharacter(_ offset: Int) -> Bool {
            scalar(offset).map { $0 == "_" || PythonString.isAlphabetic($0) || $0.properties.numericType != nil } ?? false
        }
        func isLetter(_ offset: Int) -> Bool {
            isWordCharacter(offset) && scalar(offset).map(PythonString.isDigit) == false
        }
        func isWordPunctuation(_ offset: Int) -> Bool {
            isWordCharacter(offset) || scalar(offset).map("!\"'&.,?".unicodeScalars.contains) == true
        }
        func isLetterPair(from offset: Int) -> Bool {
            isLetter(offset) && (isLetter(offset + 1) || (scalar(offset + 1) == "-" && isLetter(offset + 2)))
        }
        var parts: [[Unicode.Scalar]] = []
        var start = 0
        var index = 0
        while index < word.count {
            guard word[index] == "-" else {
                index += 1
                continue
            }
            let dashes = word[index...].prefix { $0 == "-" }.count
            if dashes >= 2 && index > start && isWordPunctuation(index - 1) && isWordCharacter(index + dashes) {
                parts += [Array(word[start..<index]), Array(word[index..<(index + dashes)])]
                index += dashes
                start = index
            } else if isLetter(index - 1) && (isLetter(index - 2) || (scalar(index - 2) == "-" && isLetter(index - 3)))
                && isLetterPair(from: index + 1)
            {
                parts.append(Array(word[start...index]))
                index += 1
                start = index
            } else {
                index += 1
            }
        }
        if start < word.count {
            parts.append(Array(word[start...]))
        }
        return parts
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        "\t\n\u{0B}\u{0C}\r ".unicodeScalars.contains(scalar)
    }

    private static func isBlank(_ chunk: [Unicode.Scalar]) -> Bool {
        chunk.allSatisfy(PythonString.isWhitespace)
    }
}
