import ArgumentParser
import RapportServer

/// `rapport bench encoding`: microseconds per conversation document, written by the API's
/// encoder, by hand-written writer calls, and by Foundation's `JSONEncoder`.
struct EncodingBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encoding", abstract: "Time the API's JSON encoder against hand-written writing and Foundation's.")

    @Option(help: "Documents written each way")
    var iterations: Int = 200_000

    func validate() throws {
        guard iterations >= 1 else { throw ValidationError("--iterations must be positive") }
    }

    func run() throws {
        let result = try ResponseEncodingBenchmark.run(iterations: iterations)
        func microseconds(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
            return String(format: "%.2f µs", value)
        }
        print("conversation document, per document (\(iterations) each):")
        print("  JSONDocumentEncoder (API, events)    \(microseconds(result.documentEncoder))")
        print("  hand-written JSONWriter (baseline)   \(microseconds(result.handWritten))")
        print("  Foundation JSONEncoder               \(microseconds(result.foundation))")
    }
}
