import Foundation
import Testing

@testable import BatouEngine

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TerminalRendererTests {
    /// A renderer writing into a pipe, 80 columns wide as batou's tests use.
    private func renderer(environment: [String: String] = ["COLUMNS": "80"]) -> TerminalRenderer {
        TerminalRenderer(channel: OutputChannel(descriptor: -1), environment: environment)
    }

    private func render(_ events: [Event]) -> String {
        let renderer = renderer()
        var announced: String?
        return events.map { renderer.render($0, announced: &announced) }.joined()
    }

    @Test func rendersAFirstDeploymentAsBatouDoes() {
        let file = "Hello > File('work/hello/hello')"
        let text = render([
            .started(version: "0.1.0", platform: "swift, Linux 6.1 x86_64"),
            .section("Preparing"),
            .step("main: Loading environment `tutorial`...", icon: "📦"),
            .section("Connecting hosts and configuring model ..."),
            .connecting(host: "localhost", method: "local", index: 1, count: 1),
            .section("Deploying"),
            .scheduling(host: "localhost", root: "hello"),
            .changed(host: "localhost", component: file + " > Presence('hello')"),
            .diff(
                host: "localhost", component: file + " > Content('hello')", file: "hello",
                lines: ["---", "+++", "@@ -0,0 +1 @@", "+Hello world", " "]),
            .changed(host: "localhost", component: file + " > Content('hello')"),
            .section("Summary"),
            .summary(RunTimings(connect: 0.2149, deploy: 0.001)),
            .section("DEPLOYMENT FINISHED", style: .success),
            .finished(action: "DEPLOYMENT", failedStep: nil),
        ])
        #expect(
            text == """
                batou/0.1.0 (swift, Linux 6.1 x86_64)
                ================================== Preparing ===================================
                📦 main: Loading environment `tutorial`...
                ================== Connecting hosts and configuring model ... ==================
                🌐 localhost: Connecting via local (1/1)
                ================================== Deploying ===================================
                ⚪ localhost: Scheduling component hello ...
                🚀 localhost: Hello > File('work/hello/hello') > Presence('hello')
                🚀 localhost: Hello > File('work/hello/hello') > Content('hello')
                  hello ---
                  hello +++
                  hello @@ -0,0 +1 @@
                  hello +Hello world
                =================================== Summary ====================================
                Deployment took total=0.22s, connect=0.21s, deploy=0.00s
                ============================= DEPLOYMENT FINISHED ==============================

                """)
    }

    @Test func rendersIgnoredHostsErrorsAndWarnings() {
        let text = render([
            .hostIgnored(host: "otherhost", index: 2, count: 2),
            .skipping(host: "localhost", root: "fail", reason: "Component ignored"),
            .warning("dev.cfg:2: Unknown key 'x' in [environment] is ignored."),
            .problem(Problem("No host found in environment.")),
            .problem(Problem("Failing: boom.", hosts: ["web1", "web2"])),
            .log(host: nil, component: "Hello", message: "configured"),
            .log(host: "web1", component: "Hello", message: "deployed"),
            .summary(RunTimings(connect: 61.5, deploy: nil)),
        ])
        #expect(
            text == """
                ⏭️ otherhost: Connection ignored (2/2)
                ⏭️ localhost: Skipping component fail ... (Component ignored)
                   WARN: dev.cfg:2: Unknown key 'x' in [environment] is ignored.

                ERROR: No host found in environment.

                ERROR: web1, web2: Failing: boom.
                configured
                🚀 web1: Hello
                web1: deployed
                Consistency check took total=1m1s

                """)
    }

    @Test func formatsDurationsAsBatouDoes() {
        #expect(TerminalRenderer.format(nil) == "∅")
        #expect(TerminalRenderer.format(0.004) == "0.00s")
        #expect(TerminalRenderer.format(2.5) == "2.50s")
        #expect(TerminalRenderer.format(59.999) == "60.00s")
        #expect(TerminalRenderer.format(61) == "1m1s")
    }

    @Test func fillsTheWidthWithSectionLines() {
        #expect(renderer().sectionLine("DEPLOYMENT FINISHED").count == 80)
        #expect(renderer(environment: ["COLUMNS": "120"]).sectionLine("Summary").count == 120)
        #expect(renderer(environment: ["COLUMNS": "20"]).sectionLine("Summary").count == 80)
    }

    @Test func coloursOnlyOnATerminalWithoutNoColor() throws {
        var primary: Int32 = 0
        var secondary: Int32 = 0
        #expect(openpty(&primary, &secondary, nil, nil, nil) == 0)
        defer {
            close(primary)
            close(secondary)
        }
        let terminal = OutputChannel(descriptor: secondary)
        var announced: String?
        let coloured = TerminalRenderer(channel: terminal, environment: ["TERM": "xterm"])
            .render(.problem(Problem("boom")), announced: &announced)
        #expect(coloured == "\n\u{1B}[1m\u{1B}[31mERROR: boom\u{1B}[0m\n")
        let plain = TerminalRenderer(channel: terminal, environment: ["TERM": "xterm", "NO_COLOR": "1"])
            .render(.problem(Problem("boom")), announced: &announced)
        #expect(plain == "\nERROR: boom\n")
        let piped = renderer(environment: ["TERM": "xterm"]).render(.problem(Problem("boom")), announced: &announced)
        #expect(piped == "\nERROR: boom\n")
    }
}

@Suite struct JSONRendererTests {
    @Test func encodesEachEventAsOneObject() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func line(_ event: Event) throws -> String {
            String(decoding: try encoder.encode(EventRecord(event)), as: UTF8.self)
        }
        #expect(
            try line(.changed(host: "localhost", component: "Hello > File('work/hello/hello')"))
                == #"{"component":"Hello > File('work/hello/hello')","event":"changed","host":"localhost"}"#)
        #expect(
            try line(.diff(host: "h", component: "C", file: "f", lines: ["+a"]))
                == #"{"component":"C","event":"diff","file":"f","host":"h","lines":["+a"]}"#)
        #expect(
            try line(.summary(RunTimings(connect: 0.1234, deploy: nil)))
                == #"{"connect":0.123,"deploy":null,"event":"summary","total":0.123}"#)
        #expect(
            try line(.finished(action: "DEPLOYMENT", failedStep: "load"))
                == #"{"action":"DEPLOYMENT","event":"finished","failed-step":"load","success":false}"#)
        #expect(
            try line(.problem(Problem("boom", hosts: ["a"])))
                == #"{"event":"error","hosts":["a"],"message":"boom"}"#)
    }
}
