import Foundation
import RapportTestSupport
import Testing

/// A real SMTP server (aiosmtpd, from PyPI) started for one test: STARTTLS with a fresh
/// self-signed certificate, AUTH required; what it receives lands in `outbox` as .eml files.
final class SMTPSink: Sendable {
    let port: Int
    let directory: URL
    let certificate: String
    private let process: ChildProcess

    var outbox: URL { directory.appendingPathComponent("out") }

    private init(port: Int, directory: URL, certificate: String, process: ChildProcess) {
        self.port = port
        self.directory = directory
        self.certificate = certificate
        self.process = process
    }

    /// `pipelining`: whether it offers PIPELINING (RFC 2920). It refuses every recipient whose
    /// address begins with "refused".
    static func start(user: String, password: String, pipelining: Bool = true) throws -> SMTPSink {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        try run("/usr/bin/env", [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ])
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("support/smtp_sink.py").path
        let process = try ChildProcess(
            "/usr/bin/env", ["python3", script, certificate, key, directory.appendingPathComponent("out").path, user, password]
                + (pipelining ? [] : ["no-pipelining"]), errors: .inherit)
        let line = String(decoding: process.output?.availableLine() ?? [], as: UTF8.self)
        let port = try #require(Int(line.replacingOccurrences(of: "ready ", with: "").trimmingCharacters(in: .whitespacesAndNewlines)),
                                "aiosmtpd did not start (pip install aiosmtpd): \(line)")
        return SMTPSink(port: port, directory: directory, certificate: certificate, process: process)
    }

    /// SIGKILL: the sink ends at once, whatever it is doing.
    func stop() {
        process.kill(SIGKILL)
        process.wait()
    }

    /// The messages received so far, oldest first: the raw message and its envelope.
    func received() throws -> [(message: [UInt8], envelope: [String: Any])] {
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasSuffix(".eml") }.sorted()
        return try files.map { name in
            let message = try Data(contentsOf: outbox.appendingPathComponent(name))
            let envelope = try Data(contentsOf: outbox.appendingPathComponent(name.replacingOccurrences(of: ".eml", with: ".env")))
            return (Array(message), (try JSONSerialization.jsonObject(with: envelope) as? [String: Any]) ?? [:])
        }
    }

    /// Forgets the messages received so far.
    func clear() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: outbox.path) {
            try FileManager.default.removeItem(at: outbox.appendingPathComponent(name))
        }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let result = try ChildProcess.run(executable, arguments, errors: .discard)
        #expect(result.status == 0, "\(arguments.first ?? executable) failed")
    }
}

extension FileHandle {
    /// Bytes up to the first newline (blocking).
    func availableLine() -> [UInt8] {
        var bytes: [UInt8] = []
        while let byte = try? read(upToCount: 1), let first = byte.first, first != 0x0A {
            bytes.append(first)
        }
        return bytes
    }
}
