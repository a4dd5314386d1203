import RapportCore

/// The segment a built-in journey follows, made when it is switched on.
struct JourneyTemplateSegmentResponse: Encodable {
    let definition: JSONValue
    let name: String

    init(_ segment: JourneyTemplateSegment) throws {
        definition = try segment.definition()
        name = segment.name
    }
}
