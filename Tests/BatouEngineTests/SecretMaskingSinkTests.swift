import BatouTesting
import Testing

@testable import BatouEngine

@Suite struct SecretMaskingSinkTests {
    @Test func replacesSecretValuesInEveryText() {
        let recorder = EventRecorder()
        let sink = SecretMaskingSink(wrapping: recorder)
        sink.emit(.warning("before hiding: hunter2"))
        sink.hide(["hunter2", "pass hunter2 word", "42"])
        sink.emit(.problem(Problem("Cannot log in with hunter2.", hosts: ["web1"])))
        sink.emit(.diff(host: "web1", component: "C", file: "f", lines: ["+pass hunter2 word", "-old"]))
        sink.emit(.log(host: nil, component: "C", message: "answer 42"))
        #expect(
            recorder.events == [
                .warning("before hiding: hunter2"),
                .problem(Problem("Cannot log in with (secret).", hosts: ["web1"])),
                .diff(host: "web1", component: "C", file: "f", lines: ["+(secret)", "-old"]),
                .log(host: nil, component: "C", message: "answer 42"),
            ])
    }
}
