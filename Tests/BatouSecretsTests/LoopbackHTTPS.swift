import Foundation
import Testing

@testable import BatouSecrets

/// A real HTTPS server on 127.0.0.1 that serves the files of a directory, with a certificate
/// made for it: Python's `http.server` behind `ssl`, and a certificate from `openssl`.
final class LoopbackHTTPS {
    static let isAvailable = ["/usr/bin/python3", "/usr/bin/openssl", "/usr/bin/curl"].allSatisfy(
        FileManager.default.isExecutableFile)

    private static let server = """
        import http.server, ssl, sys
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *arguments): pass
        handler = lambda *arguments: Quiet(*arguments, directory=sys.argv[1])
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    let files: Scratch
    private let tls: Scratch
    /// The certificate to trust, as curl's `CURL_CA_BUNDLE`.
    let certificate: String
    /// `https://127.0.0.1:PORT`.
    let address: String
    private let process = Process()

    init() throws {
        files = try Scratch()
        tls = try Scratch()
        certificate = tls.path("certificate.pem")
        let made = try Program.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", tls.path("key.pem"),
                "-out", certificate,
            ])
        #expect(made.status == 0, "\(made.errors)")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", Self.server, files.root.path, certificate, tls.path("key.pem")]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        address = "https://127.0.0.1:\(try #require(Int(port)))"
    }

    deinit {
        // SIGKILL: a child of the test process may inherit a mask that blocks SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
