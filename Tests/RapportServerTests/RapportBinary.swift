import Foundation
import RapportTestSupport
import Testing

/// The `rapport` executable `swift build --build-tests` puts beside the test bundle, run as an
/// operator would run it.
enum RapportBinary {
    static var url: URL {
        let directory = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).deletingLastPathComponent()
        return directory.appendingPathComponent("rapport")
    }

    /// Starts `rapport ARGUMENTS` with the test's environment plus `environment`.
    static func start(_ arguments: [String], environment: [String: String], output: ChildProcess.Stream = .discard) throws -> ChildProcess {
        #expect(FileManager.default.isExecutableFile(atPath: url.path), "swift build --build-tests builds rapport beside the tests")
        return try ChildProcess(
            url.path, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { _, given in given }, output: output)
    }

    /// Runs `rapport ARGUMENTS` to the end: its exit status and standard output.
    static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let result = try ChildProcess.run(
            url.path, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { _, given in given }, errors: .discard)
        return (result.status, result.output)
    }
}
