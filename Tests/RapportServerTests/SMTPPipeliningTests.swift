import Foundation
import RapportChannels
import RapportCore
import Testing

/// A batch of campaign messages over one connection to aiosmtpd, with and without PIPELINING
/// (RFC 2920): a recipient the server refuses fails alone, and the replies stay in step with
/// the messages either way.
@Suite("SMTP pipelining")
struct SMTPPipeliningTests {
    @Test("a refused recipient in the middle of a pipelined batch fails alone; the rest arrive, each to its own recipient", arguments: [true, false])
    func refusalInStep(pipelining: Bool) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret", pipelining: pipelining)
        defer { sink.stop() }
        let client = SMTPClient(
            configuration: SMTPConfiguration(
                host: "127.0.0.1", port: sink.port, security: .startTLS, username: "rapport", password: "s3cret", trustedCAFile: sink.certificate),
            heloName: "shop.test", targets: OutboundTargets(allowsPrivate: true))
        // One recipient each, but for a message to two (which goes the plain way) and an
        // address with a line break in it (refused before anything is sent).
        let recipients: [[String]] = [
            ["ana@customer.test"], ["refused-bo@customer.test"], ["cy@customer.test"], ["refused-di@customer.test"], ["ed@customer.test"],
            ["fi@customer.test", "gu@customer.test"], ["ho@customer.test\r\nRCPT TO:<x@evil.test>"], ["refused-ik@customer.test"], ["jo@customer.test"],
        ]
        let envelopes = recipients.map { to in
            SMTPEnvelope(
                sender: "news@shop.test", recipients: to,
                message: "From: news@shop.test\r\nTo: \(to[0])\r\nSubject: For \(to[0])\r\n\r\n.a line that begins with a dot\r\nHello \(to[0])\r\n")
        }
        let results = await client.sendEach(envelopes, deadline: .seconds(30))
        #expect(results.count == recipients.count)
        for (to, result) in zip(recipients, results) {
            switch result {
            case .success:
                #expect(!to[0].hasPrefix("refused") && !to[0].contains("\n"), "\(to) was taken")
            case .failure(.unsafeAddress):
                #expect(to[0].contains("\n"))
            case .failure(let error):
                #expect(to[0].hasPrefix("refused"), "\(to): \(error)")
                #expect(error == .rejected(command: "RCPT TO:<\(to[0])>", code: 550, text: "5.1.1 No such mailbox here"))
            }
        }
        let delivered = [["ana@customer.test"], ["cy@customer.test"], ["ed@customer.test"], ["fi@customer.test", "gu@customer.test"], ["jo@customer.test"]]
        let received = try sink.received()
        #expect(received.map { $0.envelope["to"] as? [String] ?? [] } == delivered)
        for (message, to) in zip(received.map(\.message), delivered) {
            let text = String(decoding: message, as: UTF8.self)
            #expect(text.contains("Subject: For \(to[0])\r\n"))
            #expect(text.contains("\r\n.a line that begins with a dot\r\nHello \(to[0])"))
        }
    }
}
