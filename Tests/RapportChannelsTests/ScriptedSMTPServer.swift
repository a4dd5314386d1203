import NIOCore
import NIOPosix
import Synchronization

/// A mail server on 127.0.0.1 that answers by rules, for the replies a real one seldom gives:
/// a recipient whose address begins with `refused` gets 550 (and DATA then 503, or 354 when
/// it begins with `refused-354`, as a server that does not keep to RFC 2920 might); one that
/// begins with `data-refused` gets 554 to DATA; one that begins with `later` gets 451 after its
/// message. It keeps each read as it came, to show what the client sent together, and the
/// recipients of the messages it took.
final class ScriptedSMTPServer: Sendable {
    let port: Int
    private let channel: any Channel
    private let record: Record

    final class Record: Sendable {
        let reads = Mutex<[String]>([])
        let taken = Mutex<[String]>([])
    }

    var reads: [String] { record.reads.withLock { $0 } }
    var taken: [String] { record.taken.withLock { $0 } }

    private init(port: Int, channel: any Channel, record: Record) {
        self.port = port
        self.channel = channel
        self.record = record
    }

    static func start(pipelining: Bool) async throws -> ScriptedSMTPServer {
        let record = Record()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Session(record: record, pipelining: pipelining))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw ChannelError.unknownLocalAddress }
        return ScriptedSMTPServer(port: port, channel: channel, record: record)
    }

    func stop() async {
        try? await channel.close()
    }

    private final class Session: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let record: Record
        let pipelining: Bool
        var pending = ""
        var inData = false
        var recipient = ""
        var recipientTaken = false

        init(record: Record, pipelining: Bool) {
            self.record = record
            self.pipelining = pipelining
        }

        func channelActive(context: ChannelHandlerContext) {
            reply("220 scripted ESMTP", context: context)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let text = String(buffer: unwrapInboundIn(data))
            record.reads.withLock { $0.append(text) }
            pending += text
            while let end = pending.range(of: "\r\n") {
                let line = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                handle(line, context: context)
            }
        }

        private func handle(_ line: String, context: ChannelHandlerContext) {
            if inData {
                guard line == "." else { return }
                inData = false
                if !recipientTaken {
                    reply("554 5.5.1 No valid recipients", context: context)
                } else if recipient.hasPrefix("later") {
                    reply("451 4.3.0 Try again later", context: context)
                } else {
                    record.taken.withLock { $0.append(recipient) }
                    reply("250 2.0.0 Taken", context: context)
                }
                return
            }
            let command = line.uppercased()
            if command.hasPrefix("EHLO") {
                reply(pipelining ? "250-scripted\r\n250-PIPELINING \r\n250 8BITMIME" : "250-scripted\r\n250 8BITMIME", context: context)
            } else if command.hasPrefix("MAIL FROM") {
                recipient = ""
                recipientTaken = false
                reply("250 OK", context: context)
            } else if command.hasPrefix("RCPT TO:<") {
                recipient = String(line.dropFirst(9).dropLast())
                recipientTaken = !recipient.hasPrefix("refused")
                reply(recipientTaken ? "250 OK" : "550 5.1.1 No such mailbox here", context: context)
            } else if command == "DATA" {
                if recipient.hasPrefix("refused-354") || (recipientTaken && !recipient.hasPrefix("data-refused")) {
                    inData = true
                    reply("354 Go on", context: context)
                } else {
                    reply(recipientTaken ? "554 5.7.1 Not from you" : "503 5.5.1 No valid recipients", context: context)
                }
            } else if command == "RSET" {
                recipient = ""
                reply("250 OK", context: context)
            } else if command == "QUIT" {
                reply("221 Bye", context: context)
                context.close(promise: nil)
            } else {
                reply("500 5.5.2 What?", context: context)
            }
        }

        private func reply(_ text: String, context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
        }
    }
}
