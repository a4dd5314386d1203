import Foundation

/// A step one enrolment ran, kept for the step's counts and the customer's timeline; unique
/// per enrolment, step and visit, so a step runs once per visit.
public struct JourneyStepRecord: Sendable, Equatable {
    public var enrolmentID: String
    public var journeyID: String
    public var stepKey: String
    public var visit: Int
    public var ranAt: Date
    /// Why a message step sent nothing, if it did not.
    public var skipped: String?

    public init(enrolmentID: String, journeyID: String, stepKey: String, visit: Int, ranAt: Date, skipped: String? = nil) {
        self.enrolmentID = enrolmentID
        self.journeyID = journeyID
        self.stepKey = stepKey
        self.visit = visit
        self.ranAt = ranAt
        self.skipped = skipped
    }
}
