/// A description of how two texts differ, for a failing comparison: the first line that
/// differs with a line of context before it, then both texts in full, escaped so that
/// whitespace and missing newlines show.
///
/// ```
/// Line 3 differs:
///   2 "server {"
/// - 3 "    listen 80;"
/// + 3 "    listen 80; "
/// ```
struct TextDifference: CustomStringConvertible {
    var expected: String
    var actual: String
    var expectedLabel = "Jinja2"
    var actualLabel = "engine"

    var description: String {
        let expectedLines = lines(expected)
        let actualLines = lines(actual)
        let common = min(expectedLines.count, actualLines.count)
        let index = (0..<common).first { !expectedLines[$0].utf8.elementsEqual(actualLines[$0].utf8) } ?? common
        var text = "Line \(index + 1) differs (- \(expectedLabel), + \(actualLabel)):\n"
        if index > 0 {
            text += "  \(index) \(String(reflecting: expectedLines[index - 1]))\n"
        }
        text += "- " + line(index, of: expectedLines) + "\n"
        text += "+ " + line(index, of: actualLines) + "\n"
        text += "\(expectedLabel): \(String(reflecting: expected))\n"
        text += "\(actualLabel): \(String(reflecting: actual))"
        return text
    }

    // Split at "\n" only and keep empty lines, so that a missing last newline is a difference.
    private func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    private func line(_ index: Int, of lines: [Substring]) -> String {
        index < lines.count ? "\(index + 1) \(String(reflecting: String(lines[index])))" : "\(index + 1) (no such line)"
    }
}
