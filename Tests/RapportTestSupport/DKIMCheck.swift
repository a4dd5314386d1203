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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, file.path, record, String(index)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
