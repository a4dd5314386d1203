import Foundation
import Testing

/// The `rapport` executable `swift build --build-tests` puts beside the test bundle, run as an
/// operator would run it.
enum RapportBinary {
    static var url: URL {
        let directory = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).deletingLastPathComponent()
        return directory.appendingPathComponent("rapport")
    }

    /// Starts `rapport ARGUMENTS` with the test's environment plus `environment`.
    static func start(_ arguments: [String], environment: [String: String], output: Any? = FileHandle.nullDevice) throws -> Process {
        #expect(FileManager.default.isExecutableFile(atPath: url.path), "swift build --build-tests builds rapport beside the tests")
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `rapport ARGUMENTS` to the end: its exit status and standard output.
    static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let pipe = Pipe()
        let process = try start(arguments, environment: environment, output: pipe)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
