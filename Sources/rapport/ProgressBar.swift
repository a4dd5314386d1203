import Foundation
import Synchronization

/// A progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar: Sendable {
    private let total: Int
    private let label: String
    private let done = Mutex(0)
    private let isTerminal = isatty(STDERR_FILENO) != 0

    init(total: Int, label: String) {
        self.total = max(total, 1)
        self.label = label
    }

    func advance(by count: Int) {
        guard isTerminal else { return }
        let current = done.withLock { value in
            value += count
            return value
        }
        let fraction = min(1, Double(current) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(Int(fraction * 100))% (\(min(current, total))/\(total))".utf8))
        if current >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
