import Foundation

/// A message step a walk ran, to be queued in its step campaign's send log (ADR 0013).
struct JourneyMessage: Sendable {
    var enrolmentID: String
    var customerID: String
    var workspaceID: String
    var journeyID: String
    var version: Int
    var stepKey: String
    var visit: Int
    /// The index of the step's run in the batch plan, so a message not sent can say why.
    var runIndex: Int

    /// The send's occurrence in its campaign: one per enrolment, step and visit.
    var occurrence: String { "\(enrolmentID):\(stepKey):\(visit)" }

    /// The enrolment a journey send's occurrence names; nil for a campaign's own send.
    static func enrolmentID(inOccurrence occurrence: String) -> String? {
        guard let end = occurrence.firstIndex(of: ":") else { return nil }
        let id = occurrence[..<end]
        return id.hasPrefix(IDPrefix.journeyEnrolment.rawValue) ? String(id) : nil
    }
}
