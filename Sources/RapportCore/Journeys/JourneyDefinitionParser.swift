import Foundation

/// Reads a journey's definition from JSON and checks all that needs no database: each part's
/// shape, that every `next` names a step, that every step is reached from the first, and that
/// a way round the journey passes a wait (else a customer would loop in one batch for ever).
/// A bad part is a 422 naming it by its path (`definition.steps[2]`, `definition.steps[2].duration`).
/// What needs the store (that the segments, inboxes and teams are the workspace's) is checked
/// where journeys are saved.
public enum JourneyDefinitionParser {
    public static let maximumSteps = 100
    public static let maximumKeyLength = 64
    public static let maximumBranches = 10
    public static let maximumSplitPaths = 10
    public static let maximumFilters = 10
    public static let maximumEventNameLength = 200
    /// The longest wait, timeout or task delay: a year.
    public static let longestWait: TimeInterval = 366 * 86_400
    public static let maximumTaskTitleLength = 200
    public static let maximumNoteLength = 10_000
    public static let maximumOncePerDays = 3_650

    static let keys: Set<String> = ["trigger", "entry", "steps", "exit_on_segment_left", "open_conversation", "quiet_hours", "holdout_share", "goal"]

    /// Reads the definition sent at `path`. `checkingContent` false reads a stored version's
    /// messages without today's content rules, so a version published under older ones stays
    /// readable (as campaigns read their stored definitions).
    public static func parse(_ json: JSONValue, path: String = "definition", checkingContent: Bool = true) throws -> JourneyDefinition {
        guard case .object(let object) = json else {
            throw invalid(
                path, "must be an object with `trigger` and `steps` (and optionally `entry`, `exit_on_segment_left`, `open_conversation`, `quiet_hours`, `holdout_share`, `goal`)")
        }
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw invalid("\(path).\(unknown)", "is not a key a journey's definition takes")
        }
        let trigger = try self.trigger(object["trigger"], path: "\(path).trigger")
        let steps = try self.steps(object["steps"], path: "\(path).steps", checkingContent: checkingContent)
        let exits = try flag(object["exit_on_segment_left"], path: "\(path).exit_on_segment_left") ?? false
        if exits, !trigger.isSegmentEntered {
            throw invalid("\(path).exit_on_segment_left", "needs a segment trigger (`segment_entered`): there is no segment to leave")
        }
        return JourneyDefinition(
            trigger: trigger, entry: try entry(object["entry"], path: "\(path).entry"), steps: steps, exitsOnSegmentLeft: exits,
            openConversation: try openConversation(object["open_conversation"], path: "\(path).open_conversation"),
            quietHours: try CampaignDefinitionParser.quietHours(object["quiet_hours"], path: "\(path).quiet_hours"),
            holdoutShare: try holdoutShare(object["holdout_share"], path: "\(path).holdout_share"),
            goal: try goal(object["goal"], path: "\(path).goal"))
    }

    // MARK: Trigger, entry and goal

    private static func trigger(_ json: JSONValue?, path: String) throws -> JourneyTrigger {
        let shapes = "`{\"event\": \"order.delivered\"}`, `{\"tracked_event\": \"Checkout Started\"}` (each with optional `filters`), `{\"segment_entered\": \"seg_…\"}`, `{\"segment_left\": \"seg_…\"}` or `{\"manual\": true}`"
        guard case .object(let object)? = json else { throw invalid(path, "is required: one of \(shapes)") }
        if case .string(let id)? = object["segment_entered"], object.count == 1 { return .segmentEntered(try segmentID(id, path: "\(path).segment_entered")) }
        if case .string(let id)? = object["segment_left"], object.count == 1 { return .segmentLeft(try segmentID(id, path: "\(path).segment_left")) }
        if case .bool(true)? = object["manual"], object.count == 1 { return .manual }
        if object["event"] != nil || object["tracked_event"] != nil { return .event(try event(object, path: path)) }
        throw invalid(path, "must be one of \(shapes)")
    }

    /// `{"event": …}` or `{"tracked_event": …}`, with `filters`; other keys are `allowing`.
    static func event(_ object: [String: JSONValue], path: String, allowing others: Set<String> = []) throws -> JourneyEvent {
        if let unknown = object.keys.sorted().first(where: { !["event", "tracked_event", "filters"].contains($0) && !others.contains($0) }) {
            throw invalid("\(path).\(unknown)", "is not a key here")
        }
        let filters = try self.filters(object["filters"], path: "\(path).filters")
        switch (object["event"], object["tracked_event"]) {
        case (.string(let name)?, nil):
            guard JourneyEvent.domainNames.contains(name) else {
                throw invalid(
                    "\(path).event",
                    "`\(name.prefix(60))` is not an event of a customer's that Rapport records: use one of \(JourneyEvent.domainNames.sorted().joined(separator: ", ")), or a `tracked_event` by its name")
            }
            return JourneyEvent(source: .domain, name: name, filters: filters)
        case (nil, .string(let name)?):
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.count <= maximumEventNameLength else {
                throw invalid("\(path).tracked_event", "must be the name of a tracked event, 1 to \(maximumEventNameLength) characters (Checkout Started)")
            }
            return JourneyEvent(source: .tracked, name: trimmed, filters: filters)
        default:
            throw invalid(path, "takes either `event` (a Rapport event such as order.delivered) or `tracked_event` (a tracked event's name), as a string")
        }
    }

    private static func filters(_ json: JSONValue?, path: String) throws -> [JourneyPropertyFilter] {
        switch json {
        case nil, .null?: return []
        case .array(let items)? where items.count <= maximumFilters:
            return try items.enumerated().map { index, item in try filter(item, path: "\(path)[\(index)]") }
        default: throw invalid(path, "must be a list of at most \(maximumFilters) filters, each `{\"property\": \"total\", \"is\": \"gte\", \"value\": 50}`")
        }
    }

    private static func filter(_ json: JSONValue, path: String) throws -> JourneyPropertyFilter {
        let operators = JourneyPropertyFilter.Operator.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .object(let object) = json, case .string(let property)? = object["property"], case .string(let name)? = object["is"] else {
            throw invalid(path, "must be `{\"property\": \"total\", \"is\": \"gte\", \"value\": 50}` (`is` one of \(operators))")
        }
        if let unknown = object.keys.sorted().first(where: { !["property", "is", "value"].contains($0) }) {
            throw invalid("\(path).\(unknown)", "is not a key of a filter")
        }
        let parts = property.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !property.isEmpty, property.count <= maximumEventNameLength, parts.allSatisfy({ !$0.isEmpty }) else {
            throw invalid("\(path).property", "must be a property's name, with dots into nested ones (order.total)")
        }
        guard let comparison = JourneyPropertyFilter.Operator(rawValue: name) else { throw invalid("\(path).is", "must be one of \(operators)") }
        let value = object["value"]
        switch (comparison, value) {
        case (.exists, nil), (.exists, .null?):
            return JourneyPropertyFilter(path: parts, comparison: comparison, value: nil)
        case (.exists, _):
            throw invalid("\(path).value", "is not taken by `exists`")
        case (.greaterThan, .bool?), (.atLeast, .bool?), (.lessThan, .bool?), (.atMost, .bool?):
            throw invalid("\(path).value", "must be a number or a text to be compared with `\(name)`")
        case (_, .string?), (_, .number?), (_, .bool?):
            return JourneyPropertyFilter(path: parts, comparison: comparison, value: value)
        default:
            throw invalid("\(path).value", "must be a string, a number or true/false")
        }
    }

    private static func entry(_ json: JSONValue?, path: String) throws -> JourneyEntryRule {
        switch json {
        case nil, .null?, .string("once")?: return .once
        case .string("every_time")?: return .everyTime
        case .object(let object)? where object.count == 1 && object["once_per_days"] != nil:
            return .oncePer(days: try whole(object["once_per_days"], in: 1...maximumOncePerDays, path: "\(path).once_per_days"))
        default:
            throw invalid(path, "must be \"once\" (once ever, the default), \"every_time\", or `{\"once_per_days\": 7}`")
        }
    }

    private static func openConversation(_ json: JSONValue?, path: String) throws -> JourneyOpenConversationRule {
        switch json {
        case nil, .null?: return .wait
        case .string(let text)?:
            if let rule = JourneyOpenConversationRule(rawValue: text) { return rule }
        default: break
        }
        throw invalid(
            path, "must be \"wait\" (a message waits until the customer's support conversation is resolved; the default), \"skip\" (it is not sent) or \"ignore\"")
    }

    private static func holdoutShare(_ json: JSONValue?, path: String) throws -> Double {
        switch json {
        case nil, .null?: return JourneyDefinition.defaultHoldoutShare
        case .number(let share)? where share.isFinite && share >= 0 && share <= JourneyDefinition.maximumHoldoutShare: return share
        default:
            throw invalid(path, "must be a number from 0 to \(JourneyDefinition.maximumHoldoutShare): the share of entrants who get nothing, as a baseline")
        }
    }

    private static func goal(_ json: JSONValue?, path: String) throws -> JourneyGoal? {
        switch json {
        case nil, .null?: return nil
        case .object(let object)?:
            let days = object["within_days"] == nil
                ? JourneyGoal.defaultWindowDays : try whole(object["within_days"], in: 1...JourneyGoal.maximumWindowDays, path: "\(path).within_days")
            return JourneyGoal(event: try event(object, path: path, allowing: ["within_days"]), withinDays: days)
        default:
            throw invalid(path, "must be null or `{\"event\": \"order.created\", \"within_days\": 7}` (or a `tracked_event`)")
        }
    }

    // MARK: Shared readers

    static func segmentID(_ id: String, path: String) throws -> String {
        guard id.hasPrefix(IDPrefix.segment.rawValue + "_"), id.count <= 100 else { throw invalid(path, "must be a segment's id (seg_…)") }
        return id
    }

    static func flag(_ json: JSONValue?, path: String) throws -> Bool? {
        switch json {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw invalid(path, "must be true or false")
        }
    }

    static func whole(_ json: JSONValue?, in range: ClosedRange<Int>, path: String) throws -> Int {
        try CampaignDefinitionParser.whole(json, in: range, path: path)
    }

    /// `{"days": 1, "hours": 2, "minutes": 30}`, any of them, more than nothing and at most a year.
    static func duration(_ json: JSONValue?, path: String) throws -> TimeInterval {
        let shape = "must be a time such as `{\"hours\": 1}` or `{\"days\": 3, \"hours\": 12}` (days, hours, minutes), more than none and at most a year"
        guard case .object(let object)? = json, !object.isEmpty else { throw invalid(path, shape) }
        var seconds: TimeInterval = 0
        for (unit, value) in object.sorted(by: { $0.key < $1.key }) {
            let size: TimeInterval = switch unit {
            case "days": 86_400
            case "hours": 3_600
            case "minutes": 60
            default: throw invalid("\(path).\(unit)", "is not a unit: use days, hours or minutes")
            }
            seconds += Double(try whole(value, in: 0...527_040, path: "\(path).\(unit)")) * size
        }
        guard seconds > 0, seconds <= longestWait else { throw invalid(path, shape) }
        return seconds
    }

    static func invalid(_ field: String, _ message: String) -> RapportError {
        .invalid(field: field, message)
    }
}
