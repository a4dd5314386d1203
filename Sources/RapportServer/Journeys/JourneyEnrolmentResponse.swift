import Foundation
import RapportCore

/// One customer's way through a journey: where they are, since when, what they wait for.
struct JourneyEnrolmentResponse: Encodable {
    let id: String
    let object = "journey_enrolment"
    let journeyID: String
    let version: Int
    let customerID: String
    let status: String
    let stepKey: String?
    let since: Date?
    let dueAt: Date?
    let waitingFor: String?
    let enteredAt: Date
    let finishedAt: Date?
    let endReason: String?
    let convertedAt: Date?
    let source: String

    init(_ enrolment: JourneyEnrolment) {
        id = enrolment.id
        journeyID = enrolment.journeyID
        version = enrolment.version
        customerID = enrolment.customerID
        status = enrolment.status.rawValue
        stepKey = enrolment.position?.stepKey
        since = enrolment.position?.since
        dueAt = enrolment.finishedAt == nil ? enrolment.dueAt : nil
        waitingFor = enrolment.waitEvent
        enteredAt = enrolment.enteredAt
        finishedAt = enrolment.finishedAt
        endReason = enrolment.endReason
        convertedAt = enrolment.convertedAt
        source = enrolment.source
    }
}
