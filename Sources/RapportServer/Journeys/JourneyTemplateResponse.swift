import RapportCore

/// A built-in journey as the API shows it: its definition with `{{inbox_id}}` (and
/// `{{segment_id}}`) left open, and the segment it needs.
struct JourneyTemplateResponse: Encodable {
    let definition: JSONValue
    let key: String
    let name: String
    let object = "journey_template"
    let segment: JourneyTemplateSegmentResponse?
    let summary: String

    init(_ template: JourneyTemplate) throws {
        definition = try JSONParser.parse(Array(template.definitionText.utf8))
        key = template.key
        name = template.name
        segment = try template.segment.map(JourneyTemplateSegmentResponse.init)
        summary = template.summary
    }
}
