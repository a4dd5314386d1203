import RapportCore

/// The `segment` filter of a workspace list (customers, insights, the inbox): an RFM segment
/// by name (where the page offers them), or one of the workspace's segments and lists by id
/// (`seg_…`). As with the pages' other filters, a value the page does not know is no filter,
/// and the select then says "everyone".
struct SegmentFilterChoice: Sendable {
    /// The RFM segment chosen.
    let rfm: RFMSegment?
    /// The saved segment or list chosen.
    let segment: Segment?
    /// The workspace's segments and lists, for the select.
    let segments: [Segment]

    init(_ value: Substring?, segments: [Segment], offersRFM: Bool = true) {
        let value = value.map(String.init) ?? ""
        self.segments = segments
        rfm = offersRFM ? RFMSegment(rawValue: value) : nil
        segment = value.isEmpty ? nil : segments.first { $0.id == value }
    }

    /// The parameter's value, for links that keep the filter; nil for everyone.
    var value: String? { rfm?.rawValue ?? segment?.id }

    /// The select's group of segments and lists, the chosen one selected.
    var options: [ChoiceView] {
        segments.map { ChoiceView(value: $0.id, label: $0.kind == .list ? "\($0.name) (list)" : $0.name, selected: $0.id == segment?.id) }
    }
}
