import Foundation

/// The figures `rapport bench inbox` prints.
struct InboxBenchReport {
    var engine: String
    var rate: Int
    var seconds: Int
    var sent: Int
    var accepted: Int
    var failed: Int
    var stored: Int
    var pushed: Int
    var duplicatePushes: Int
    var achievedRate: Double
    var latencies: LatencySamples

    var text: String {
        """
        engine \(engine): \(sent) webhooks sent at \(rate)/s for \(seconds) s; \(accepted) answered 200 (\(String(format: "%.0f", achievedRate))/s), \(failed) failed
        stored \(stored) messages, pushed \(pushed) to the agent's stream (\(duplicatePushes) twice)
        request to push: \(latencies.summary)
        """
    }

    var json: String {
        let fields: [(String, String)] = [
            ("engine", "\"\(engine)\""), ("rate", "\(rate)"), ("seconds", "\(seconds)"), ("sent", "\(sent)"),
            ("accepted", "\(accepted)"), ("failed", "\(failed)"), ("stored", "\(stored)"), ("pushed", "\(pushed)"),
            ("duplicate_pushes", "\(duplicatePushes)"), ("achieved_rate", String(format: "%.1f", achievedRate)),
            ("p50_ms", String(format: "%.3f", latencies.percentile(0.5))), ("p99_ms", String(format: "%.3f", latencies.percentile(0.99))),
            ("max_ms", String(format: "%.3f", latencies.percentile(1))),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
