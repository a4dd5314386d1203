import Foundation

/// One line of a benchmark's table: the step, its time (milliseconds under a second), and a note.
enum BenchLine {
    static func print(_ name: String, seconds: Double, note: String) {
        let shown = seconds < 1 ? String(format: "%8.1f ms", seconds * 1000) : String(format: "%8.2f s ", seconds)
        Swift.print("\(name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(shown)  \(note)")
    }
}
