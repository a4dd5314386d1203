import Foundation

/// Checks DKIM signatures with dkimpy (`Tests/support/dkim_verify.py`), an implementation
/// independent of Rapport's; CI installs `dkimpy pynacl` with pip.
public enum DKIMCheck {
    /// Runs the script on `message` as SMTP delivers it (a CRLF added when it does not end with
    /// one), with `record` answering the key lookup: its exit status (0 when the signature
    /// verifies) and what it printed (the name looked up among it).
    public static func dkimpy(_ message: [UInt8], record: String, signature index: Int = 0) throws -> (status: Int32, output: String) {
        var delivered = message
        if !delivered.suffix(2).elementsEqual([0x0D, 0x0A]) { delivered.append(contentsOf: [0x0D, 0x0A]) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dkim-\(UUID().uuidString).eml")
        try Data(delivered).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("support/dkim_verify.py").path
        let result = try ChildProcess.run("/usr/bin/env", ["python3", script, file.path, record, String(index)], errors: .intoOutput)
        return (result.status, result.output)
    }
}
