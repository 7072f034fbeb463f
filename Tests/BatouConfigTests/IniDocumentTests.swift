import Testing

@testable import BatouConfig

@Suite struct IniDocumentTests {
    private func parse(_ text: String) -> (IniDocument, ConfigDiagnostics) {
        var diagnostics = ConfigDiagnostics()
        let document = IniDocument(parsing: text, file: "dev.cfg", diagnostics: &diagnostics)
        return (document, diagnostics)
    }

    @Test func readsKeysWithEqualsOrColonAndKeepsTheRestOfTheLine() {
        let (document, diagnostics) = parse("[a]\nx = 1 = 2\ny: two # not a comment\nZ=3\n")
        #expect(diagnostics.errors.isEmpty)
        let entries = document.sections[0].entries
        #expect(entries.map(\.key) == ["x", "y", "Z"])
        #expect(entries.map(\.value) == ["1 = 2", "two # not a comment", "3"])
        #expect(entries.map(\.line) == [2, 3, 4])
    }

    @Test func joinsIndentedContinuationLinesAcrossBlankLinesAndComments() {
        let (document, _) = parse("[hosts]\nweb =\n    a\n\n    # a comment\n    b\nnext = c\n")
        #expect(document.sections[0]["web"]?.value == "\na\n\nb")
        #expect(document.sections[0]["next"]?.value == "c")
    }

    @Test func ignoresCommentsBlankLinesAndCarriageReturns() {
        let (document, diagnostics) = parse("; top\r\n# more\r\n\r\n[environment]\r\nconnect_method = local\r\n")
        #expect(diagnostics.errors.isEmpty)
        #expect(document.section("environment")?["connect_method"]?.value == "local")
    }

    @Test func keepsCaseOfKeysAndSections() {
        let (document, _) = parse("[Hosts]\nWeb1 = a\n")
        #expect(document.sections[0].name == "Hosts")
        #expect(document.sections[0]["Web1"] != nil)
        #expect(document.sections[0]["web1"] == nil)
    }

    @Test func splitsListsOnCommasAndLineBreaks() {
        let entry = IniEntry(key: "k", value: "\na, b\nc,\n\n d ,", line: 1)
        #expect(entry.listItems == ["a", "b", "c", "d"])
    }

    @Test func knowsTheLineWhereAContinuedValueEnds() {
        let (document, _) = parse("[batou]\nmembers =\n    a,\n\n    b\n\nother = 1\n")
        #expect(document.sections[0]["members"]?.line == 2)
        #expect(document.sections[0]["members"]?.lastLine == 5)
        #expect(document.sections[0]["other"]?.lastLine == 7)
    }

    @Test func reportsEveryMalformedLineAndReadsTheRest() {
        let (document, diagnostics) = parse("[hosts\na = b\n[environment]\njobs = 2\nbroken\n[environment]\n")
        #expect(
            diagnostics.errors.map(\.description) == [
                "dev.cfg:1: Section header is missing ']'.",
                "dev.cfg:5: Expected 'key = value' but found 'broken'.",
                "dev.cfg:6: Section [environment] is defined twice; it was first defined on line 3.",
            ])
        #expect(document.section("environment")?["jobs"]?.value == "2")
    }

    @Test func dropsTheContinuationOfADuplicateKey() {
        let (document, diagnostics) = parse("[hosts]\na = x\na = y\n  z\nb = c\n")
        #expect(diagnostics.errors.map(\.line) == [3])
        #expect(document.sections[0]["a"]?.value == "x")
        #expect(document.sections[0]["b"]?.value == "c")
    }
}
