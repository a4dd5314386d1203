import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL
import RapportCore

/// Delivers one message over SMTP (RFC 5321): EHLO, STARTTLS or implicit TLS with
/// certificate checks, AUTH PLAIN, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    /// The name this host gives in EHLO.
    public let heloName: String
    /// Where it may connect: the server's address is checked after DNS, and exactly that
    /// address is connected to.
    public let targets: OutboundTargets

    public init(configuration: SMTPConfiguration, heloName: String = "rapport.localhost", targets: OutboundTargets) {
        self.configuration = configuration
        self.heloName = heloName
        self.targets = targets
    }

    /// Delivers the message, or fails within `deadline` (a stuck server must not hold a job slot).
    public func send(from sender: String, to recipients: [String], message: String, deadline: Duration = .seconds(60)) async throws {
        // An address with a line break would end MAIL FROM or RCPT TO and start a command of its own.
        for address in [sender] + recipients where !HeaderText.isSafeAddress(address) {
            throw SMTPError.unsafeAddress(String(address.prefix(80)))
        }
        try await Deadline.run(within: deadline, or: SMTPError.timedOut) {
            try await deliver(from: sender, to: recipients, message: message)
        }
    }

    private func deliver(from sender: String, to recipients: [String], message: String) async throws {
        try await withSession { session in
            try await Self.transaction(&session, from: sender, to: recipients, message: message)
        }
    }

    /// Delivers several messages over one connection, one mail transaction each, in order:
    /// a message the server refuses (a 4xx or 5xx to it) does not stop the others (RSET, then
    /// the next); a broken connection or `deadline` passing does, and what was left comes back
    /// as that error. Answers one result per envelope, in order. Where the server offers
    /// PIPELINING, one round trip a message (`sendPipelined`).
    public func sendEach(_ envelopes: [SMTPEnvelope], deadline: Duration = .seconds(120)) async -> [Result<Void, SMTPError>] {
        let results = SMTPResults()
        do {
            try await Deadline.run(within: deadline, or: SMTPError.timedOut) {
                try await withSession { session in
                    if session.pipelining {
                        try await Self.sendPipelined(envelopes, on: &session, into: results)
                        return
                    }
                    for (index, envelope) in envelopes.enumerated() {
                        guard Self.isSafe(envelope) else {
                            results.set(.failure(Self.unsafe(envelope)), at: index)
                            continue
                        }
                        do {
                            try await Self.transaction(&session, from: envelope.sender, to: envelope.recipients, message: envelope.message)
                            results.set(.success(()), at: index)
                        } catch let error as SMTPError where error.isRejection {
                            results.set(.failure(error), at: index)
                            _ = try await session.command("RSET", expecting: 250)
                        }
                    }
                }
            }
        } catch {
            return results.close(count: envelopes.count, filling: (error as? SMTPError) ?? .connectionClosed)
        }
        return results.close(count: envelopes.count, filling: .connectionClosed)
    }

    private static func isSafe(_ envelope: SMTPEnvelope) -> Bool {
        ([envelope.sender] + envelope.recipients).allSatisfy(HeaderText.isSafeAddress)
    }

    private static func unsafe(_ envelope: SMTPEnvelope) -> SMTPError {
        .unsafeAddress(String(envelope.recipients.first?.prefix(80) ?? ""))
    }

    /// One mail transaction on an open session: MAIL FROM, RCPT TO, DATA.
    private static func transaction(_ session: inout SMTPSession, from sender: String, to recipients: [String], message: String) async throws {
        _ = try await session.command("MAIL FROM:<\(sender)>", expecting: 250)
        for recipient in recipients { _ = try await session.command("RCPT TO:<\(recipient)>", expecting: 250, 251) }
        _ = try await session.command("DATA", expecting: 354)
        try await session.write(bytes: dotStuffed(message) + Self.endOfData)
        _ = try await session.expect("DATA", 250)
    }

    /// The batch where the server offers PIPELINING (RFC 2920), one round trip a message: a
    /// message's content goes out in one write with the next message's MAIL FROM, RCPT TO and
    /// DATA (content may open a group and DATA must close it, §3.1), and the replies are read in
    /// the order sent. Every reply is read even after a refusal, so the replies stay in step;
    /// a refused sender or recipient is followed by RSET at the head of the next group. A
    /// server that refused the recipient refuses DATA too; one that takes DATA all the same
    /// gets an empty message ended at once, to no one. An envelope of several recipients goes
    /// the plain way, after the message before it is settled.
    private static func sendPipelined(_ envelopes: [SMTPEnvelope], on session: inout SMTPSession, into results: SMTPResults) async throws {
        /// The message whose DATA the server took: its content goes out with the next group.
        var waiting: (index: Int, content: [UInt8])?
        var needsReset = false
        func settle(_ session: inout SMTPSession) async throws {
            guard let message = waiting else { return }
            waiting = nil
            do {
                _ = try await session.expect("DATA", [250])
                results.set(.success(()), at: message.index)
            } catch let error as SMTPError where error.isRejection {
                results.set(.failure(error), at: message.index)
            }
        }
        for (index, envelope) in envelopes.enumerated() {
            guard isSafe(envelope) else {
                results.set(.failure(unsafe(envelope)), at: index)
                continue
            }
            guard let recipient = envelope.recipients.first, envelope.recipients.count == 1 else {
                if let message = waiting {
                    try Task.checkCancellation()
                    try await session.write(bytes: message.content)
                    try await settle(&session)
                }
                if needsReset { _ = try await session.command("RSET", expecting: 250) }
                needsReset = false
                do {
                    try await transaction(&session, from: envelope.sender, to: envelope.recipients, message: envelope.message)
                    results.set(.success(()), at: index)
                } catch let error as SMTPError where error.isRejection {
                    results.set(.failure(error), at: index)
                    needsReset = true
                }
                continue
            }
            let mail = "MAIL FROM:<\(envelope.sender)>"
            let rcpt = "RCPT TO:<\(recipient)>"
            // Past the deadline nothing more goes out, least of all a message reported as not sent.
            try Task.checkCancellation()
            var group = waiting?.content ?? []
            if needsReset { group += Array("RSET\r\n".utf8) }
            group += Array((mail + "\r\n" + rcpt + "\r\nDATA\r\n").utf8)
            try await session.write(bytes: group)
            try await settle(&session)
            if needsReset { _ = try await session.expect("RSET", [250]) }
            needsReset = false
            var refusal: SMTPError?
            for (command, codes) in [(mail, [250]), (rcpt, [250, 251])] {
                do {
                    _ = try await session.expect(command, codes)
                } catch let error as SMTPError where error.isRejection {
                    refusal = refusal ?? error
                }
            }
            do {
                _ = try await session.expect("DATA", [354])
            } catch let error as SMTPError where error.isRejection {
                results.set(.failure(refusal ?? error), at: index)
                needsReset = true
                continue
            }
            if let refusal {
                // RFC 2920's advice for a server that took DATA after a refusal: a lone dot.
                // Its reply (a refusal, with no recipient) is read and put aside.
                try await session.write(".\r\n")
                do {
                    _ = try await session.expect("DATA", [250])
                } catch let error as SMTPError where error.isRejection {}
                results.set(.failure(refusal), at: index)
                needsReset = true
                continue
            }
            waiting = (index, dotStuffed(envelope.message) + endOfData)
        }
        if let message = waiting {
            try Task.checkCancellation()
            try await session.write(bytes: message.content)
            try await settle(&session)
        }
    }

    /// Connects (to the address checked after DNS), greets, secures the connection and logs in,
    /// runs `body` on the session, then says QUIT.
    private func withSession(_ body: (inout SMTPSession) async throws -> Void) async throws {
        let tls = try makeTLSContext()
        let host = configuration.host
        let implicitTLS = configuration.security == .tls
        let address = try await ResolvedAddress.of(host: host, port: configuration.port)
        guard targets.isAllowed(ip: address) else { throw SMTPError.refusedTarget(OutboundRefusal.privateAddress(host: host, address: address).description) }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(to: try SocketAddress(ipAddress: address, port: configuration.port)) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: Self.sni(host)))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var session = SMTPSession(lines: inbound.makeAsyncIterator(), outbound: outbound)
            _ = try await session.expect("connect", 220)
            var capabilities = try await session.command("EHLO \(heloName)", expecting: 250)
            if configuration.security == .startTLS {
                guard capabilities.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else { throw SMTPError.tlsUnavailable }
                _ = try await session.command("STARTTLS", expecting: 220)
                let pipeline = channel.channel.pipeline
                try await channel.channel.eventLoop.submit {
                    try pipeline.syncOperations.addHandler(
                        NIOSSLClientHandler(context: tls, serverHostname: Self.sni(host)), position: .first)
                }.get()
                capabilities = try await session.command("EHLO \(heloName)", expecting: 250)
            }
            session.pipelining = capabilities.dropFirst().contains { $0.trimmingCharacters(in: .whitespaces).uppercased() == "PIPELINING" }
            if let username = configuration.username, let password = configuration.password {
                let credentials = Data("\u{0}\(username)\u{0}\(password)".utf8).base64EncodedString()
                _ = try await session.command("AUTH PLAIN \(credentials)", expecting: 235, shown: "AUTH PLAIN")
            }
            try await body(&session)
            _ = try? await session.command("QUIT", expecting: 221)
        }
    }

    /// The TLS context, made once per process for each set of trusted roots: making one reads
    /// the system's certificate store, which cost more than a batch of campaign messages.
    private func makeTLSContext() throws -> NIOSSLContext {
        try SMTPTLSContexts.shared.context(trusting: configuration.trustedCAFile)
    }

    /// SNI takes host names only; an IP address is checked against the certificate without it.
    private static func sni(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
    }

    /// CRLF line ends, and a leading dot doubled so no line ends the DATA early.
    /// One pass over the bytes: a CR before an LF is dropped, every LF goes out as CRLF, and a
    /// dot that begins a line is doubled; a lone CR stays as it is.
    static func dotStuffed(_ message: String) -> [UInt8] {
        let (cr, lf, dot): (UInt8, UInt8, UInt8) = (13, 10, 46)
        var bytes = Array(message.utf8)
        var stuffed: [UInt8] = []
        stuffed.reserveCapacity(bytes.count + bytes.count / 64 + 16)
        var lineStart = true
        var index = 0
        bytes.withUnsafeMutableBufferPointer { input in
            while index < input.count {
                let byte = input[index]
                index += 1
                if byte == cr, index < input.count, input[index] == lf { continue }
                if byte == lf {
                    stuffed.append(cr)
                    stuffed.append(lf)
                    lineStart = true
                    continue
                }
                if lineStart, byte == dot { stuffed.append(dot) }
                stuffed.append(byte)
                lineStart = false
            }
        }
        return stuffed
    }

    /// The line with a lone dot that ends DATA, after the message's last line.
    static let endOfData = Array("\r\n.\r\n".utf8)
}
