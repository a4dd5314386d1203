/// Who belongs to a segment: conditions in nested groups. `{"all": […]}` holds when every
/// part holds (an empty one always does), `{"any": […]}` when at least one does (an empty one
/// never does), `{"not": …}` when its part does not.
public indirect enum SegmentDefinition: Sendable, Equatable {
    case all([SegmentDefinition])
    case any([SegmentDefinition])
    case not(SegmentDefinition)
    case condition(SegmentCondition)

    /// Every condition, depth first.
    public var conditions: [SegmentCondition] {
        switch self {
        case .all(let parts), .any(let parts): parts.flatMap(\.conditions)
        case .not(let part): part.conditions
        case .condition(let condition): [condition]
        }
    }

    /// The kinds of fact the definition reads: a change to none of them cannot change
    /// membership.
    public var facets: Set<SegmentFacet> { Set(conditions.map(\.facet)) }

    /// The segments it names (member of / not a member of).
    public var referencedSegmentIDs: Set<String> {
        Set(conditions.compactMap { $0.field == .segments ? $0.value.text : nil })
    }

    /// Whether membership can change because time passes, with nothing else happening.
    public var dependsOnTime: Bool { conditions.contains(where: \.dependsOnTime) }

    /// The event names its behaviour conditions read (nil: any event).
    public var eventNames: Set<String?> {
        Set(conditions.filter { $0.facet == .events }.map(\.event))
    }

    /// How many conditions and groups it has, for the limit on a definition's size.
    var size: Int {
        switch self {
        case .all(let parts), .any(let parts): 1 + parts.reduce(0) { $0 + $1.size }
        case .not(let part): 1 + part.size
        case .condition: 1
        }
    }

    /// The definition as the API reads and writes it.
    public var json: JSONValue {
        switch self {
        case .all(let parts): .object(["all": .array(parts.map(\.json))])
        case .any(let parts): .object(["any": .array(parts.map(\.json))])
        case .not(let part): .object(["not": part.json])
        case .condition(let condition): condition.json
        }
    }
}
