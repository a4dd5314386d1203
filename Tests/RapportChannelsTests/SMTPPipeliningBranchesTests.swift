import Foundation
import RapportChannels
import RapportCore
import Testing

/// The replies a real server seldom gives, each in the middle of one batch, with and without
/// PIPELINING (RFC 2920): every message gets its own outcome either way, and with it the
/// client sends a message's content together with the next message's commands.
@Suite("SMTP pipelining: every branch in step")
struct SMTPPipeliningBranchesTests {
    static let batch: [[String]] = [
        ["ana@customer.test"],
        ["refused-354-bo@customer.test"],  // 550, then 354 all the same: a lone dot, then RSET
        ["cy@customer.test"],
        ["data-refused-di@customer.test"],  // 554 to DATA
        ["later-ed@customer.test"],  // 451 after its content
        ["ho@customer.test\r\nRCPT TO:<x@evil.test>"],  // refused before anything is sent, while ed's content waits
        ["fi@customer.test", "gu@customer.test"],  // two recipients: the plain way
        ["refused-ik@customer.test"],  // 550, then 503 to DATA
        ["jo@customer.test", "ka@customer.test"],  // the plain way, with RSET owed
        ["lu@customer.test"],
    ]

    @Test("refusals of the recipient, of DATA and after the content, an unsafe address and two-recipient messages, each in place", arguments: [true, false])
    func branches(pipelining: Bool) async throws {
        let server = try await ScriptedSMTPServer.start(pipelining: pipelining)
        let client = SMTPClient(
            configuration: SMTPConfiguration(host: "127.0.0.1", port: server.port, security: .none, username: nil, password: nil, trustedCAFile: nil),
            heloName: "shop.test", targets: OutboundTargets(allowsPrivate: true))
        let envelopes = Self.batch.map { to in
            SMTPEnvelope(sender: "news@shop.test", recipients: to, message: "Subject: For \(to[0])\r\n\r\nHello\r\n")
        }
        let results = await client.sendEach(envelopes, deadline: .seconds(20))
        await server.stop()
        let outcomes = results.map { result -> String in
            switch result {
            case .success: "sent"
            case .failure(.rejected(let command, let code, _)): "\(code) \(command.prefix(4))"
            case .failure(let error): "\(error)"
            }
        }
        #expect(outcomes == [
            "sent", "550 RCPT", "sent", "554 DATA", "451 DATA", "The address \"ho@customer.test\\r\\nRCPT TO:<x@evil.test>\" is not one to send to",
            "sent", "550 RCPT", "sent", "sent",
        ])
        #expect(server.taken == ["ana@customer.test", "cy@customer.test", "gu@customer.test", "ka@customer.test", "lu@customer.test"])
        // With PIPELINING a message's end and the next MAIL FROM arrive together; without it,
        // each command waits for the reply to the one before.
        let grouped = server.reads.contains { $0.contains("\r\n.\r\nMAIL FROM:<") }
        let commandsTogether = server.reads.contains { $0.contains("MAIL FROM:<") && $0.contains("RCPT TO:<") }
        #expect(grouped == pipelining && commandsTogether == pipelining, "\(server.reads)")
        #expect(server.reads.contains { $0.contains("RSET\r\nMAIL FROM:<") } == pipelining, "RSET opens the group after a refusal")
    }
}
