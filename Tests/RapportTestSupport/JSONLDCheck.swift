import Foundation

/// Extracts a page's JSON-LD with extruct (`Tests/support/jsonld_extract.py`), independently of
/// Rapport's code; CI installs `extruct` with pip.
public enum JSONLDCheck {
    /// The page's JSON-LD items as extruct reads them.
    public static func extruct(html: String, url: String) throws -> [[String: Any]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("support/jsonld_extract.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, file.path, url]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let items = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw JSONLDCheckError(message: "extruct failed (\(process.terminationStatus)): \(problem)")
        }
        return items
    }
}
