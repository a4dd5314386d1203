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
        let result = try ChildProcess.run("/usr/bin/env", ["python3", script, file.path, url])
        guard result.status == 0, let items = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] else {
            throw JSONLDCheckError(message: "extruct failed (\(result.status)): \(result.errors)")
        }
        return items
    }
}
