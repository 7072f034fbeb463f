import BatouTemplates
import Testing

/// A component of the benchmark, with a few attributes.
private final class Attributes: TemplateObject {
    let values: [String: TemplateValue]

    init(_ values: [String: TemplateValue]) { self.values = values }

    func attribute(_ name: String) -> TemplateValue? { values[name] }
    var text: String { "Attributes" }
}

@Suite struct PerformanceTests {
    static let source = """
        # {{ args.name }} -- page {{ args.index }} of {{ component.count }} on {{ host.name }}
        [page]
        name = {{ args.name }}
        host = {{ host.name }}
        port = {{ args.port }}
        weight = {{ args.index % 7 }}
        note = {{ args.note }}
        {% for k in range(3) -%}
        backend{{ k }} = {{ host.name }}:{{ args.port + 1000 * (k + 1) }}
        {% endfor -%}

        """

    @Test func rendersAThousandPagesInMilliseconds() throws {
        let environment = TemplateEnvironment()
        let host: TemplateValue = .object(Attributes(["name": "web1"]))
        let component: TemplateValue = .object(Attributes(["count": 1000]))
        let clock = ContinuousClock()
        var last = ""
        let elapsed = try clock.measure {
            for index in 0..<1000 {
                let source = Self.source + "# \(index)\n"
                let args: TemplateValue = .object(
                    Attributes(["name": .string("page-\(index)"), "index": .integer(index), "port": 8000, "note": "v1"]))
                last = try environment.template(source: source, name: "page.conf")
                    .render(["args": args, "host": host, "component": component])
            }
        }
        #expect(last.hasPrefix("# page-999 -- page 999 of 1000 on web1\n[page]\nname = page-999\n"))
        #expect(last.hasSuffix("backend2 = web1:11000\n# 999\n"))
        #expect(elapsed < .seconds(1), "Compiling and rendering 1000 pages took \(elapsed).")
        print("1000 pages compiled and rendered in \(elapsed)")
    }
}
