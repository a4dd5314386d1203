import Foundation
import NIOCore
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

    /// One client's conversation, read from the bytes as they come: commands a line at a time,
    /// answered in one write when the client pipelined them (RFC 2920); a message by looking for
    /// the line with a lone dot, not line by line, so that the sink costs the shared cores little.
    private final class Session: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let counter: Counter
        var pending = ByteBuffer()
        var inData = false
        /// How far into the message the end was already looked for.
        var scanned = 0
        /// Replies written since the last flush.
        var unflushed = false
        /// Whether to keep the message being taken.
        var keeping = false

        init(counter: Counter) {
            self.counter = counter
        }

        func channelActive(context: ChannelHandlerContext) {
            reply("220 bench sink ESMTP", context: context)
            context.flush()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var chunk = unwrapInboundIn(data)
            pending.writeBuffer(&chunk)
            while inData ? takeMessage(context: context) : takeCommand(context: context) {}
            pending.discardReadBytes()
        }

        func channelReadComplete(context: ChannelHandlerContext) {
            if unflushed {
                unflushed = false
                context.flush()
            }
        }

        /// One command line, if a whole one is there.
        private func takeCommand(context: ChannelHandlerContext) -> Bool {
            guard let end = pending.readableBytesView.firstIndex(of: 10),
                let line = pending.readString(length: end - pending.readerIndex + 1)
            else { return false }
            let command = line.uppercased()
            if command.hasPrefix("EHLO") {
                reply("250-bench sink\r\n250-PIPELINING\r\n250 8BITMIME", context: context)
            } else if command.hasPrefix("DATA") {
                inData = true
                scanned = 0
                keeping = counter.kept.withLock { $0.count } < counter.keep
                reply("354 go on", context: context)
            } else if command.hasPrefix("QUIT") {
                reply("221 bye", context: context)
                context.flush()
                context.close(promise: nil)
            } else {
                reply("250 OK", context: context)
            }
            return true
        }

        /// The message, if its end (a line with a lone dot) is there.
        private func takeMessage(context: ChannelHandlerContext) -> Bool {
            // The end is CRLF . CRLF, or . CRLF at the very start (an empty message).
            let found: Int? = pending.withUnsafeReadableBytes { bytes in
                if bytes.starts(with: [46, 13, 10]) { return 0 }
                var index = max(0, scanned - 4)
                while index + 5 <= bytes.count {
                    if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 46, bytes[index + 3] == 13, bytes[index + 4] == 10 {
                        return index + 2
                    }
                    index += 1
                }
                scanned = bytes.count
                return nil
            }
            guard let end = found else { return false }
            counter.bytes.add(end + 3, ordering: .relaxed)
            counter.messages.add(1, ordering: .relaxed)
            if keeping, let message = pending.getBytes(at: pending.readerIndex, length: end) {
                counter.kept.withLock { if $0.count < counter.keep { $0.append(Self.unstuffed(message)) } }
            }
            pending.moveReaderIndex(forwardBy: end + 3)
            inData = false
            reply("250 2.0.0 taken", context: context)
            return true
        }

        /// Dot-stuffing undone: a line that begins with two dots begins with one.
        static func unstuffed(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var lineStart = true
            for byte in bytes {
                if lineStart, byte == 46 {
                    lineStart = false
                    continue
                }
                out.append(byte)
                lineStart = byte == 10
            }
            return out
        }

        private func reply(_ text: String, context: ChannelHandlerContext) {
            context.write(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
            unflushed = true
        }
    }
}
