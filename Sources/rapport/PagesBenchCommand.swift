import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import RapportCore
import RapportServer
import ServiceLifecycle
import Synchronization

/// `rapport bench pages`: the web workspace's pages against the demo store, signed in as the
/// demo manager (who sees every conversation): each page requested again and again, one at a
/// time, timing the whole request over 127.0.0.1.
struct PagesBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages", abstract: "Time every page of the web workspace with the demo store.")

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    @Option(help: "Requests per page")
    var requests: Int = 200

    func validate() throws {
        guard requests >= 1 else { throw ValidationError("--requests must be positive") }
    }

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let bench = try await BenchDatabase.open(database, file: "pages.sqlite", logger: logger)
        let services = bench.services
        let workspaceID = bench.admin.key.workspaceID
        print("filling the demo store …")
        _ = try await DemoStore().fill(services: services, workspaceID: workspaceID) { _ in }
        let people = try await DemoTeam().fill(services: services, workspaceID: workspaceID)
        guard let manager = people.first(where: { $0.role == .manager }) else { throw ValidationError("The demo has no manager.") }
        let server = try await BenchServer.start(services: services, workers: 0, logger: logger)
        let base = server.base
        let cookie = try await signIn(base: base, email: manager.email, password: manager.password)
        let admin = Actor.operator(workspaceID: workspaceID)
        let conversation = try await services.conversations.conversations(filter: ConversationFilter(), page: try PageRequest(limit: 1), as: admin).items.first
        let order = try await services.commerce.orders(filter: OrderFilter(), page: try PageRequest(limit: 1), as: .operator(workspaceID: workspaceID)).items.first
        let product = try await services.commerce.products(query: nil, page: try PageRequest(limit: 1), as: .operator(workspaceID: workspaceID)).items.first
        var pages = [
            "/inbox", "/customers", "/customers?q=novak", "/orders", "/products", "/dashboard", "/insights", "/settings", "/bot",
            "/help/\(workspaceID)/delivery",
        ]
        if let conversation { pages.insert("/inbox/\(conversation.id)", at: 1) }
        if let order { pages += ["/customers/\(order.customerID)", "/orders/\(order.id)"] }
        if let product { pages.append("/products/\(product.id)") }
        let today = Calendar.utc.startOfDay(for: Date())
        let day = Date.ISO8601FormatStyle().year().month().day()
        pages.append("/dashboard?from=\(today.addingTimeInterval(-89 * 86_400).formatted(day))&to=\(today.formatted(day))")
        print("\(requests) requests per page, one at a time, \(services.store.engineName), signed in as \(manager.email)")
        var worst = 0.0
        for page in pages {
            var samples = LatencySamples()
            for _ in 0..<requests {
                var request = HTTPClientRequest(url: base + page)
                request.headers.add(name: "Cookie", value: cookie)
                let start = ContinuousClock.now
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                _ = try await response.body.collect(upTo: 16 << 20)
                samples.record(ContinuousClock.now - start)
                guard response.status == .ok else { throw ValidationError("\(page) answered \(response.status.code)") }
            }
            worst = max(worst, samples.percentile(0.99))
            print("\(page.padding(toLength: 52, withPad: " ", startingAt: 0)) \(samples.summary)")
        }
        print("slowest page p99: \(String(format: "%.1f", worst)) ms")
        await server.stop()
        await services.store.shutdown()
    }

    private func signIn(base: String, email: String, password: String) async throws -> String {
        var request = HTTPClientRequest(url: base + "/login")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        let body = "email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&password=\(password)"
        request.body = .bytes(ByteBuffer(string: body))
        // The answer is a redirect whose Set-Cookie must be read, not followed.
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        let response = try await client.execute(request, timeout: .seconds(30))
        try await client.shutdown()
        guard let cookie = response.headers["Set-Cookie"].first?.split(separator: ";").first else {
            throw ValidationError("Signing in as \(email) failed with \(response.status.code).")
        }
        return String(cookie)
    }
}
