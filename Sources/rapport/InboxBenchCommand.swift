import ArgumentParser
import AsyncHTTPClient
import Foundation
import RapportLearning
import Logging
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import ServiceLifecycle
import Synchronization

/// `rapport bench inbox`: WhatsApp webhooks at a steady rate against a running server, each
/// signed, verified, stored and pushed to a connected agent's live stream; measures the time
/// from sending the request to receiving the push, and checks that every message was stored
/// and pushed exactly once.
struct InboxBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "Inbound WhatsApp webhooks per second, and request-to-push latency at an agent's stream.")

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    @Option(help: "Webhooks sent per second")
    var rate: Int = 500

    @Option(help: "Seconds to send for")
    var seconds: Int = 60

    @Option(help: "Distinct customers writing (conversations)")
    var contacts: Int = 2000

    @Option(help: "Background job slots in the server (0: no jobs, no event dispatch)")
    var workers: Int = 4

    @Flag(help: "Print the result as one JSON object")
    var json = false

    func validate() throws {
        guard rate >= 1, seconds >= 1, contacts >= 1 else { throw ValidationError("--rate, --seconds and --contacts must be positive") }
    }

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let bench = try await BenchDatabase.open(database, file: "inbox.sqlite", logger: logger)
        let services = bench.services
        let inbox = try await services.inboxes.createInbox(
            channel: .whatsapp, name: "Bench",
            settings: ["phone_number_id": "100200300", "access_token": "bench", "app_secret": "bench-secret", "verify_token": "bench"],
            as: .operator(workspaceID: bench.admin.key.workspaceID))
        let server = try await BenchServer.start(services: services, workers: workers, logger: logger)
        let base = server.base
        let pushes = PushLog()
        let agent = Task { try await Self.listen(base: base, key: bench.admin.secret, log: pushes) }
        try await Task.sleep(for: .milliseconds(500))
        if !json { print("sending \(rate) webhooks/s for \(seconds) s to \(base) (\(services.store.engineName)); an agent listens on /api/v1/live") }
        let outcome = try await send(base: base, inboxID: inbox.id, pushes: pushes)
        // Give the last pushes a moment to arrive.
        let deadline = ContinuousClock.now + .seconds(5)
        while pushes.count < outcome.sent && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        agent.cancel()
        let storedMessages = try await services.store.read { session in try await session.conversations.messageCount(inboxID: inbox.id) }
        var latencies = LatencySamples()
        for sample in pushes.latencies(sentAt: outcome.sentAt) { latencies.record(sample) }
        let report = InboxBenchReport(
            engine: services.store.engineName, rate: rate, seconds: seconds, sent: outcome.sent, accepted: outcome.accepted,
            failed: outcome.failed, stored: storedMessages, pushed: pushes.count, duplicatePushes: pushes.duplicates,
            achievedRate: Double(outcome.accepted) / outcome.elapsed, latencies: latencies)
        print(json ? report.json : report.text)
        await server.stop()
        await services.store.shutdown()
        if report.pushed != report.sent || report.stored != report.sent || report.duplicatePushes > 0 {
            throw ExitCode(1)
        }
    }

    private struct SendOutcome {
        var sent: Int
        var accepted: Int
        var failed: Int
        var elapsed: Double
        var sentAt: [Int: ContinuousClock.Instant]
    }

    /// Open loop: request n leaves at start + n/rate whatever the answers before it.
    private func send(base: String, inboxID: String, pushes: PushLog) async throws -> SendOutcome {
        let total = rate * seconds
        let tally = SendTally()
        let clock = ContinuousClock()
        let start = clock.now
        let interval = Duration.seconds(1) / rate
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<total {
                let due = start + interval * number
                if due > clock.now { try await Task.sleep(until: due, clock: clock) }
                let body = Self.webhook(number: number, contact: number % contacts)
                let signature = "sha256=" + WebhookSignature.hexHMACSHA256(Data(body.utf8), secret: "bench-secret")
                group.addTask {
                    var request = HTTPClientRequest(url: "\(base)/webhooks/whatsapp/\(inboxID)")
                    request.method = .POST
                    request.headers.add(name: "Content-Type", value: "application/json")
                    request.headers.add(name: "X-Hub-Signature-256", value: signature)
                    request.body = .bytes(ByteBuffer(string: body))
                    tally.sent(number, at: clock.now)
                    let ok: Bool
                    do {
                        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                        _ = try await response.body.collect(upTo: 1 << 16)
                        ok = response.status == .ok
                    } catch {
                        ok = false
                    }
                    tally.answered(ok: ok)
                }
            }
            try await group.waitForAll()
        }
        let elapsed = (clock.now - start).inSeconds
        let counts = tally.snapshot
        return SendOutcome(sent: total, accepted: counts.accepted, failed: counts.failed, elapsed: elapsed, sentAt: counts.sentAt)
    }

    static func webhook(number: Int, contact: Int) -> String {
        let from = String(6_281_200_000_000 + contact)
        let now = Int(Date().timeIntervalSince1970)
        return """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",\
            "metadata":{"display_phone_number":"15550001111","phone_number_id":"100200300"},\
            "contacts":[{"profile":{"name":"Bench \(contact)"},"wa_id":"\(from)"}],\
            "messages":[{"from":"\(from)","id":"wamid.bench.\(number)","timestamp":"\(now)","type":"text","text":{"body":"bench-\(number)#"}}]}}]}]}
            """
    }

    /// Reads the agent's SSE stream and notes when each bench message arrived.
    static func listen(base: String, key: String, log: PushLog) async throws {
        var request = HTTPClientRequest(url: "\(base)/api/v1/live")
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        let response = try await HTTPClient.shared.execute(request, timeout: .hours(2))
        var pending = ""
        for try await chunk in response.body {
            pending += String(buffer: chunk)
            while let newline = pending.firstIndex(of: "\n") {
                let line = pending[..<newline]
                pending = String(pending[pending.index(after: newline)...])
                guard line.hasPrefix("data: "), line.contains("\"direction\":\"incoming\""),
                    let marker = line.range(of: "bench-"), let end = line[marker.upperBound...].firstIndex(of: "#"),
                    let number = Int(line[marker.upperBound..<end])
                else { continue }
                log.record(number, at: ContinuousClock.now)
            }
        }
    }
}
