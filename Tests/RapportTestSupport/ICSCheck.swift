import Foundation

/// Reads an iCalendar text with the `icalendar` and `recurring-ical-events` libraries
/// (`Tests/support/ics_check.py`), independently of Rapport's code; CI installs them with pip.
public enum ICSCheck {
    /// What the libraries read, and the raw line checks; occurrences expanded from `start` up to
    /// (not including) `end`, days as `2026-01-31`.
    public static func read(_ text: String, from start: String, to end: String) throws -> [String: Any] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID().uuidString).ics")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("support/ics_check.py").path
        let result = try ChildProcess.run("/usr/bin/env", ["python3", script, file.path, start, end])
        guard result.status == 0, let read = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] else {
            throw ICSCheckError(message: "ics_check.py failed (\(result.status)): \(result.errors)")
        }
        return read
    }
}
