/// The segment builder (`segment_builder`): a new segment, or an existing segment's or list's
/// name, description and definition, as saved or as typed when saving them was refused. The
/// definition travels as JSON in the form's `definition` field; the builder script edits it
/// through condition rows and counts it live, and without the script it is typed as JSON.
struct SegmentBuilderPageView: TemplateView {
    /// The segment's id; nil for a new one.
    let id: String?
    let name: String
    let description: String
    /// A list has no definition: only its name and description are edited.
    let isList: Bool
    /// The definition as JSON (`{"all": []}` for a new segment).
    let definition: String
    /// `SegmentBuilderCatalog` as JSON, for the script.
    let catalogue: String
    /// Where the form posts: `/segments` or `/segments/{id}`.
    let action: String
    /// Where "Cancel" leads.
    let back: String
    /// Why saving was refused.
    var error: String?
    /// The part of the definition at fault (`definition.all[2].value`), for the script to mark.
    var errorField: String?
    /// How many members the saved segment has.
    var members: Int?
}
