/// What let a customer into a journey, kept on the enrolment (its provenance).
public enum JourneyEntrySource: String, Sendable, Equatable {
    /// The journey's own trigger: an event, a segment entered or left.
    case trigger
    /// A person or an API key naming customers (`POST /api/v1/journeys/{id}/enrolments`).
    case api
    /// A segment's members at that moment, enrolled through the API.
    case segmentSnapshot = "segment_snapshot"
}
