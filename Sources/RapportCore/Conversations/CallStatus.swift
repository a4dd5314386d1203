/// Where a phone call stands, in the voice provider's words (Twilio's `CallStatus`). A status
/// this build does not know is kept as it came.
public struct CallStatus: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let queued = CallStatus(rawValue: "queued")
    public static let ringing = CallStatus(rawValue: "ringing")
    public static let inProgress = CallStatus(rawValue: "in-progress")
    public static let completed = CallStatus(rawValue: "completed")
    public static let busy = CallStatus(rawValue: "busy")
    public static let failed = CallStatus(rawValue: "failed")
    public static let noAnswer = CallStatus(rawValue: "no-answer")
    public static let canceled = CallStatus(rawValue: "canceled")

    /// The call is over: it is logged on the customer's timeline.
    public var isFinal: Bool { [.completed, .busy, .failed, .noAnswer, .canceled].contains(self) }

    public var description: String { rawValue }
}
