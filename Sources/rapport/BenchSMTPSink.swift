import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import Synchronization

/// A mail server for benchmarks that takes every message and keeps none: SMTP without TLS or
/// AUTH on 127.0.0.1, answering each command at once and counting the messages taken, so
/// that what is measured is Rapport's side of the exchange. It keeps the first `keep`
/// messages whole, for what a benchmark reads from them afterwards (their links).
final class BenchSMTPSink: Sendable {
    let port: Int
    private let channel: any Channel
    private let counter: Counter

    final class Counter: Sendable {
        let messages = Atomic<Int>(0)
        let bytes = Atomic<Int>(0)
        let keep: Int
        let kept = Mutex<[[UInt8]]>([])

        init(keep: Int) {
            self.keep = keep
        }
    }

    var messages: Int { counter.messages.load(ordering: .relaxed) }
    var bytes: Int { counter.bytes.load(ordering: .relaxed) }
    /// The first messages taken, as they came (dot-stuffing undone).
    var kept: [[UInt8]] { counter.kept.withLock { $0 } }

    private init(port: Int, channel: any Channel, counter: Counter) {
        self.port = port
        self.channel = channel
        self.counter = counter
    }

    static func start(keep: Int = 0) async throws -> BenchSMTPSink {
        let counter = Counter(keep: keep)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(Session(counter: counter))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw ChannelError.unknownLocalAddress }
        return BenchSMTPSink(port: port, channel: channel, counter: counter)
    }

    func stop() async {
        try? await channel.close()
    }

    /// One client's conversation: commands answered as they come; between DATA and the lone
    /// dot, lines are counted as the message.
    private final class Session: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let counter: Counter
        var inData = false
        /// The message being taken, when it is one to keep.
        var message: [UInt8]?

        init(counter: Counter) {
            self.counter = counter
        }

        func channelActive(context: ChannelHandlerContext) {
            reply("220 bench sink ESMTP", context: context)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let line = unwrapInboundIn(data)
            if inData {
                counter.bytes.add(line.readableBytes + 2, ordering: .relaxed)
                if line.readableBytes == 1 || (line.readableBytes == 2 && line.getInteger(at: line.readerIndex + 1, as: UInt8.self) == 13),
                    line.getInteger(at: line.readerIndex, as: UInt8.self) == UInt8(ascii: ".")
                {
                    inData = false
                    counter.messages.add(1, ordering: .relaxed)
                    if let message {
                        counter.kept.withLock { if $0.count < counter.keep { $0.append(message) } }
                    }
                    message = nil
                    reply("250 2.0.0 taken", context: context)
                    return
                }
                if message != nil {
                    var bytes = Array(line.readableBytesView)
                    if bytes.last == 13 { bytes.removeLast() }
                    if bytes.first == UInt8(ascii: "."), bytes.count > 1 { bytes.removeFirst() }
                    message?.append(contentsOf: bytes + [13, 10])
                }
                return
            }
            let command = String(buffer: line).uppercased()
            if command.hasPrefix("EHLO") {
                reply("250-bench sink\r\n250-PIPELINING\r\n250 8BITMIME", context: context)
            } else if command.hasPrefix("DATA") {
                inData = true
                message = counter.kept.withLock { $0.count } < counter.keep ? [] : nil
                reply("354 go on", context: context)
            } else if command.hasPrefix("QUIT") {
                reply("221 bye", context: context)
                context.close(promise: nil)
            } else {
                reply("250 OK", context: context)
            }
        }

        private func reply(_ text: String, context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
        }
    }
}
