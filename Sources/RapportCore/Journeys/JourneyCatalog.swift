/// What one workspace's running journeys listen for, read once per revision (ADR 0013): which
/// live journeys an event lets customers into, and whether an event may end a wait, reach a
/// goal or take someone out (then the customer's enrolments are read). An event no journey
/// listens for costs nothing more.
struct JourneyCatalog: Sendable {
    /// A live journey's version that lets customers in on a key.
    struct Entrance: Sendable {
        var journey: Journey
        var version: JourneyVersion
    }

    static let empty = JourneyCatalog(running: [])

    /// By key: the live journeys it lets customers into.
    private(set) var entrances: [String: [Entrance]] = [:]
    /// Keys that may end a wait, reach a goal or take someone out, in any running version.
    private(set) var watched: Set<String> = []
    /// Every running version, by journey id and version.
    private(set) var versions: [String: [Int: JourneyVersion]] = [:]
    private(set) var journeys: [String: Journey] = [:]
    /// The journeys with a goal in any running version (only their finished enrolments are read for it).
    private(set) var journeyIDsWithGoals: [String] = []

    init(running: [(journey: Journey, versions: [JourneyVersion])]) {
        for (journey, versions) in running {
            journeys[journey.id] = journey
            for version in versions {
                self.versions[journey.id, default: [:]][version.version] = version
                let definition = version.definition
                for step in definition.steps {
                    if case .waitForEvent(let event, _, _, _) = step.kind { watched.insert(JourneyHappening.key(of: event)) }
                    if step.kind.isMarketing, definition.openConversation == .wait { watched.insert(JourneyHappening.conversationResolvedKey) }
                }
                if let goal = definition.goal {
                    watched.insert(JourneyHappening.key(of: goal.event))
                    if journeyIDsWithGoals.last != journey.id { journeyIDsWithGoals.append(journey.id) }
                }
                if definition.exitsOnSegmentLeft, case .segmentEntered(let segmentID) = definition.trigger {
                    watched.insert(JourneyHappening.segmentLeftKey(segmentID))
                }
            }
            guard journey.status == .live, let live = journey.liveVersion, let version = versions.first(where: { $0.version == live }) else { continue }
            switch version.definition.trigger {
            case .event(let event): entrances[JourneyHappening.key(of: event), default: []].append(Entrance(journey: journey, version: version))
            case .segmentEntered(let id): entrances[JourneyHappening.segmentEnteredKey(id), default: []].append(Entrance(journey: journey, version: version))
            case .segmentLeft(let id): entrances[JourneyHappening.segmentLeftKey(id), default: []].append(Entrance(journey: journey, version: version))
            case .manual: break
            }
        }
    }

    var isEmpty: Bool { journeys.isEmpty }

    /// Whether anything listens for one of the keys.
    func listens(to keys: [String]) -> Bool {
        keys.contains { entrances[$0] != nil || watched.contains($0) }
    }

    func version(journeyID: String, version: Int) -> JourneyVersion? { versions[journeyID]?[version] }
}
