/// A phone call as the voice inbox logs it: how it went through the menu, how long it took,
/// and the voicemail left, if any. Kept as the call message's content.
public struct CallDetails: Sendable, Equatable {
    public var status: CallStatus
    public var menuPath: [String]
    public var durationSeconds: Int?
    public var recordingURL: String?

    public init(status: CallStatus = .inProgress, menuPath: [String] = [], durationSeconds: Int? = nil, recordingURL: String? = nil) {
        self.status = status
        self.menuPath = menuPath
        self.durationSeconds = durationSeconds
        self.recordingURL = recordingURL
    }

    var content: JSONValue {
        .object(["call": .object([
            "status": .string(status.rawValue), "menu_path": .array(menuPath.map(JSONValue.string)),
            "duration_seconds": durationSeconds.map { .number(Double($0)) } ?? .null,
            "recording_url": recordingURL.map(JSONValue.string) ?? .null,
        ])])
    }

    init(content: JSONValue?) {
        guard case .object(let outer)? = content, case .object(let call)? = outer["call"] else {
            self.init()
            return
        }
        var path: [String] = []
        if case .array(let items)? = call["menu_path"] { path = items.compactMap(\.scalarText) }
        var duration: Int?
        if case .number(let seconds)? = call["duration_seconds"] { duration = Int(seconds) }
        var recording: String?
        if case .string(let url)? = call["recording_url"] { recording = url }
        self.init(status: call["status"]?.scalarText.map(CallStatus.init(rawValue:)) ?? .inProgress, menuPath: path, durationSeconds: duration, recordingURL: recording)
    }

    /// One line for the timeline: "Call, 2 min 5 s, menu 1 → 2, voicemail".
    var summary: String {
        var parts = ["Call (\(status))"]
        if let durationSeconds { parts.append(durationSeconds >= 60 ? "\(durationSeconds / 60) min \(durationSeconds % 60) s" : "\(durationSeconds) s") }
        if !menuPath.isEmpty { parts.append("menu " + menuPath.joined(separator: " → ")) }
        if recordingURL != nil { parts.append("voicemail") }
        return parts.joined(separator: ", ")
    }
}
