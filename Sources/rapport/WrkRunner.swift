import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RapportServer
import ServiceLifecycle

/// Runs the real HTTP application in process on a loopback port and loads it with wrk.
struct WrkRunner {
    struct Result {
        var requestsPerSecond: Double
        var p50: String
        var p99: String
        var requests: Int
        var non2xx: Int
        var output: String
    }

    let services: AppServices
    let logger: Logger

    static var executable: String? {
        ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile)
    }

    /// Starts the server, runs each load in turn (a Lua script and its wrk options), stops the server.
    func run(_ loads: [(script: String, arguments: [String])]) async throws -> [Result] {
        guard let wrk = Self.executable else { throw ValidationError("wrk is not installed (apt-get install wrk).") }
        let port = 18_000 + Int.random(in: 0..<1000)
        let app = try RapportApplication.build(services: services, host: "127.0.0.1", port: port, logger: logger)
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bench-wrk-\(port)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await Self.waitForHealth(port: port)
            var results: [Result] = []
            for (index, load) in loads.enumerated() {
                let script = directory.appendingPathComponent("load\(index).lua")
                try load.script.write(to: script, atomically: true, encoding: .utf8)
                let output = try Self.runProcess(wrk, load.arguments + ["--latency", "-s", script.path, "http://127.0.0.1:\(port)"])
                results.append(Self.parse(output))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return results
        }
    }

    private static func parse(_ output: String) -> Result {
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        func percentile(_ prefix: String) -> String {
            lines.first { $0.hasPrefix(prefix) }?.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) ?? "?"
        }
        let rate = lines.first { $0.hasPrefix("Requests/sec") }?.split(separator: " ").last.flatMap { Double($0) } ?? 0
        let requests = lines.first { $0.contains("requests in") }?.split(separator: " ").first.flatMap { Int($0) } ?? 0
        let non2xx = lines.first { $0.hasPrefix("Non-2xx") }?.split(separator: " ").last.flatMap { Int($0) } ?? 0
        return Result(requestsPerSecond: rate, p50: percentile("50%"), p99: percentile("99%"), requests: requests, non2xx: non2xx, output: output)
    }

    private static func waitForHealth(port: Int) async throws {
        for _ in 0..<100 {
            if (try? runProcess("/usr/bin/curl", ["-fsS", "http://127.0.0.1:\(port)/health"])) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationError("The benchmark server did not start.")
    }

    static func runProcess(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("\(path) failed") }
        return String(decoding: data, as: UTF8.self)
    }
}
