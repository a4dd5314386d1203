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
    /// as that error. Answers one result per envelope, in order.
    public func sendEach(_ envelopes: [SMTPEnvelope], deadline: Duration = .seconds(120)) async -> [Result<Void, SMTPError>] {
        let results = SMTPResults()
        do {
            try await Deadline.run(within: deadline, or: SMTPError.timedOut) {
                try await withSession { session in
                    for envelope in envelopes {
                        guard ([envelope.sender] + envelope.recipients).allSatisfy(HeaderText.isSafeAddress) else {
                            results.append(.failure(.unsafeAddress(String(envelope.recipients.first?.prefix(80) ?? ""))))
                            continue
                        }
                        do {
                            try await Self.transaction(&session, from: envelope.sender, to: envelope.recipients, message: envelope.message)
                            results.append(.success(()))
                        } catch let error as SMTPError where error != .connectionClosed && error != .timedOut {
                            results.append(.failure(error))
                            _ = try await session.command("RSET", expecting: 250)
                        }
                    }
                }
            }
        } catch {
            return results.close(filling: envelopes.count, with: (error as? SMTPError) ?? .connectionClosed)
        }
        return results.close(filling: envelopes.count, with: .connectionClosed)
    }

    /// One mail transaction on an open session: MAIL FROM, RCPT TO, DATA.
    private static func transaction(_ session: inout SMTPSession, from sender: String, to recipients: [String], message: String) async throws {
        _ = try await session.command("MAIL FROM:<\(sender)>", expecting: 250)
        for recipient in recipients { _ = try await session.command("RCPT TO:<\(recipient)>", expecting: 250, 251) }
        _ = try await session.command("DATA", expecting: 354)
        try await session.write(dotStuffed(message) + "\r\n.\r\n")
        _ = try await session.expect("DATA", 250)
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
    static func dotStuffed(_ message: String) -> String {
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
        return String(decoding: stuffed, as: UTF8.self)
    }
}
