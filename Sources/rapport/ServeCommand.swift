import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the HTTP API (migrating the database first).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on (env RAPPORT_HOST)")
    var host: String = ProcessInfo.processInfo.environment["RAPPORT_HOST"] ?? "127.0.0.1"

    @Option(help: "Port to listen on (env RAPPORT_PORT)")
    var port: Int = ProcessInfo.processInfo.environment["RAPPORT_PORT"].flatMap(Int.init) ?? 8080

    @Option(help: "Background job slots run in this process; 0 leaves jobs to `rapport worker` (env RAPPORT_WORKERS)")
    var workers: Int = ProcessInfo.processInfo.environment["RAPPORT_WORKERS"].flatMap(Int.init) ?? 4

    @Flag(help: "Fill an empty database with the demo store (see `rapport demo`)")
    var demo = false

    @Option(help: "Where the demo's e-mail inbox sends replies: an SMTP server without TLS, host:port (env RAPPORT_DEMO_SMTP)")
    var demoSMTP: String = ProcessInfo.processInfo.environment["RAPPORT_DEMO_SMTP"] ?? "127.0.0.1:2525"

    func run() async throws {
        let logger = CommandLogging.makeLogger("rapport")
        let store = try await database.openMigrated(logger: logger)
        // The demo's mailbox sends to an SMTP server on this machine: a demo may call private addresses.
        let outbound = demo ? OutboundTargets(allowsPrivate: true) : AppServices.outboundFromEnvironment()
        let services = AppServices(store: store, defaultRegion: try database.region(), localPort: port, outbound: outbound)
        do {
            try await prepare(services, logger: logger)
        } catch {
            // The store is closed before the error ends the process.
            await store.shutdown()
            throw error
        }
        let retention = try RetentionPolicy.checked(ProcessInfo.processInfo.environment)
        let app = try RapportApplication.build(
            services: services, host: host, port: port, workers: max(0, workers), logger: logger, retention: retention
        ) { boundPort in
            logger.info("Rapport is listening on http://\(host):\(boundPort) (\(store.engineName))")
        }
        do {
            try await app.runService()
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }

    /// The first start's admin key, and the demo when asked for and the database is empty.
    private func prepare(_ services: AppServices, logger: Logger) async throws {
        if let issued = try await services.workspaces.bootstrapIfEmpty() {
            // Written straight to the file descriptor: stdout to a pipe is buffered, and the server runs on.
            FileHandle.standardOutput.write(Data("""
                Rapport created its database and an admin API key. It is shown this once; keep it somewhere safe:

                    \(issued.secret)

                Use it as a bearer token, e.g.
                    curl -H 'Authorization: Bearer \(issued.secret)' http://\(host):\(port)/api/v1/customers

                """.utf8))
        }
        if demo, let workspace = try await services.workspaces.defaultWorkspace() {
            let counts = try await services.commerce.counts(as: .operator(workspaceID: workspace.id))
            if counts.customers == 0, counts.orders == 0 {
                logger.info("filling the demo store (about a minute in a debug build)")
                let summary = try await DemoStore().fill(services: services, workspaceID: workspace.id) { step in
                    logger.info("demo store", metadata: ["step": .string(step)])
                }
                let writeKey = try await services.keys.create(name: "demo site", kind: .browser, as: .operator(workspaceID: workspace.id))
                let relay = demoSMTP.split(separator: ":", maxSplits: 1).map(String.init)
                guard relay.count == 2, let smtpPort = Int(relay[1]) else { throw ValidationError("--demo-smtp must be host:port") }
                let people = try await DemoTeam(smtpHost: relay[0], smtpPort: smtpPort).fill(services: services, workspaceID: workspace.id)
                let table = people.map { "    \($0.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.email)  \($0.password)" }
                FileHandle.standardOutput.write(Data("""
                    The demo store is ready: \(summary.customers) customers, \(summary.products) products, \(summary.orders) orders.
                    Its web site sends tracking calls with this write key:

                        \(writeKey.secret)

                    Demo users (role, e-mail, password; shown this once):
                    \(table.joined(separator: "\n"))

                    Sign in at http://\(host):\(port)/login. Replies in the demo's e-mail inbox go to the SMTP server at \(demoSMTP)
                    (for example `python3 -m aiosmtpd -n -l \(demoSMTP)`).

                    """.utf8))
            }
        }
    }
}
