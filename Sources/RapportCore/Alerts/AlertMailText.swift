import Foundation

/// The words of an alert's e-mail: a subject naming what happened and the record's title, and a
/// short text with the time, where to look (`{link}`), and why the mail came.
enum AlertMailText {
    static func subject(_ alert: Alert) -> String {
        let what = switch alert.kind {
        case .taskReminder: "Reminder"
        case .taskOverdue: "Overdue"
        case .dealStuck: "Stuck deal"
        case .meetingSoon: "Starting soon"
        case .complaint: "Complaint"
        case .leadHot: "Hot lead"
        }
        return "\(what): \(alert.title)"
    }

    static func body(_ alert: Alert, userName: String) -> String {
        let when = alert.dueAt.map(Timestamp.iso8601) ?? ""
        let line = switch alert.kind {
        case .taskReminder: "A reminder for your task \"\(alert.title)\"" + (when.isEmpty ? "." : ", due \(when).")
        case .taskOverdue: "Your task \"\(alert.title)\" was due \(when) and is still open."
        case .dealStuck: "The deal \"\(alert.title)\" has been in its stage too long (since \(when) it counts as stuck)."
        case .meetingSoon: "Your meeting \"\(alert.title)\" starts at \(when)."
        case .complaint: "\(alert.title) (\(when)). The conversation is in the inbox."
        case .leadHot: "\(alert.title) (\(when)). A task to follow it up is on the lead."
        }
        return """
            Hello \(userName),

            \(line)

            Open Rapport: {link}

            This alert was not read within \(Int(AlertWriter.mailDelay / 60)) minutes, so it comes by e-mail too. \
            Alerts read in the workspace are not mailed.
            """
    }
}
