import BatouTemplates
import Foundation
import Testing

@Suite struct IncludeTests {
    let templates = [
        "item": "[{{ v }}]",
        "macros": "{% macro hi(n) %}hi {{ n }}{% endmacro %}{% set value = 3 %}{% set _private = 1 %}",
        "broken": "a\n{{ missing }}",
    ]

    @Test func includesSeeTheVariables() throws {
        #expect(try render("{% include 'item' %}", ["v": 1], templates: templates) == "[1]")
    }

    @Test func includesWithoutContextDont() {
        #expect(throws: TemplateError(kind: .undefined, template: "item", line: 1, message: "'v' is undefined.")) {
            try render("{% include 'item' without context %}", ["v": 1], templates: templates)
        }
    }

    @Test func includeTakesTheFirstTemplateThatExists() throws {
        let source = "{% include ['nope', 'item'] %}{% include 'nope' ignore missing %}"
        #expect(try render(source, ["v": 1], templates: templates) == "[1]")
    }

    @Test func missingIncludesFailWhereIncluded() {
        #expect(throws: TemplateError(kind: .notFound, template: "test.conf", line: 2, message: "Template 'nope' not found.")) {
            try render("\n{% include 'nope' %}", templates: templates)
        }
    }

    @Test func failuresInIncludedTemplatesNameThem() {
        #expect(throws: TemplateError(kind: .undefined, template: "broken", line: 2, message: "'missing' is undefined.")) {
            try render("{% include 'broken' %}", templates: templates)
        }
    }

    @Test func importsGiveMacrosAndVariables() throws {
        let source = "{% import 'macros' as m %}{{ m.hi(1) }} {{ m.value }}"
            + "{% from 'macros' import hi as h, value %} {{ h(2) }} {{ value }}"
        #expect(try render(source, templates: templates) == "hi 1 3 hi 2 3")
    }

    @Test func namesStartingWithAnUnderscoreCantBeImported() {
        #expect(throws: TemplateError(
            kind: .syntax, template: "test.conf", line: 1, message: "names starting with an underline can not be imported."
        )) {
            try render("{% from 'macros' import _private %}", templates: templates)
        }
    }

    @Test func directoryLoaderReadsFilesAndRefusesParentSegments() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{% include 'sub/part' %}!".write(to: directory.appendingPathComponent("main"), atomically: true, encoding: .utf8)
        try "part {{ v }}".write(to: directory.appendingPathComponent("sub/part"), atomically: true, encoding: .utf8)
        let loader = DirectoryTemplateLoader(directory: directory.path)
        let environment = TemplateEnvironment(loader: loader)
        #expect(try environment.template(named: "main").render(["v": 1]) == "part 1!")
        #expect(loader.source(named: "sub/../main") == nil)
        #expect(throws: TemplateError(kind: .notFound, template: "nope", line: 1, message: "Template 'nope' not found.")) {
            try environment.template(named: "nope")
        }
    }
}
