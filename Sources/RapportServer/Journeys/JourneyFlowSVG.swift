import Foundation
import RapportCore

/// A journey drawn as a flow on the server (inline SVG, no script): a box per step in the row
/// of its depth, with its key, what it does, and its counts (waiting there, passed through,
/// and for a message the messages sent), and a line for each way between steps, labelled
/// with what takes it. Every text is escaped; the drawing scales with the page.
enum JourneyFlowSVG {
    static let boxWidth = 210.0, boxHeight = 70.0, columnGap = 30.0, rowGap = 46.0, margin = 12.0

    static func draw(_ flow: JourneyFlow, counts: [String: JourneyStepCount], title: String) -> String {
        let width = margin * 2 + Double(max(flow.width, 1)) * (boxWidth + columnGap) - columnGap
        let height = margin * 2 + Double(max(flow.rows, 1)) * (boxHeight + rowGap) - rowGap
        var places: [String: (x: Double, y: Double)] = [:]
        let perRow = Dictionary(grouping: flow.nodes, by: \.row).mapValues(\.count)
        for node in flow.nodes {
            // Each row centred under the widest.
            let inRow = Double(perRow[node.row] ?? 1)
            let offset = (width - margin * 2 - (inRow * (boxWidth + columnGap) - columnGap)) / 2
            places[node.stepKey] = (
                margin + offset + Double(node.column) * (boxWidth + columnGap), margin + Double(node.row) * (boxHeight + rowGap)
            )
        }
        // Drawn at its own size, narrowed (never widened) to fit the page.
        var svg = #"<svg class="journey-flow" width="\#(Int(width))" height="\#(Int(height))" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-label="\#(MarkupText.escape(title))">"#
        svg += "<title>\(MarkupText.escape(title))</title>"
        for edge in flow.edges {
            guard let from = places[edge.from], let to = places[edge.to] else { continue }
            let (x1, y1) = (from.x + boxWidth / 2, from.y + boxHeight)
            // A way back up (a loop) or along a row goes to the side of the box it reaches.
            let (x2, y2) = to.y > from.y ? (to.x + boxWidth / 2, to.y) : (to.x + boxWidth, to.y + boxHeight / 2)
            svg += #"<g class="way" data-from="\#(MarkupText.escape(edge.from))" data-to="\#(MarkupText.escape(edge.to))">"#
            svg += SVGChart.line(x1: x1, y1: y1, x2: x2, y2: y2, cssClass: "way-line")
            if let label = edge.label { svg += SVGChart.text(x: (x1 + x2) / 2 + 4, y: (y1 + y2) / 2, label, anchor: "start") }
            svg += "</g>"
        }
        for node in flow.nodes {
            guard let place = places[node.stepKey] else { continue }
            let count = counts[node.stepKey] ?? JourneyStepCount(stepKey: node.stepKey, waiting: 0, passed: 0)
            var figures = "\(count.waiting) waiting · \(count.passed) passed"
            if count.sent > 0 || count.skipped > 0 { figures = "\(count.waiting) waiting · \(count.sent) sent · \(count.skipped) skipped" }
            svg += #"<g class="step" id="flow-step-\#(MarkupText.escape(node.stepKey))" data-step="\#(MarkupText.escape(node.stepKey))" data-waiting="\#(count.waiting)" data-passed="\#(count.passed)">"#
            svg += #"<rect x="\#(SVGChart.format(place.x))" y="\#(SVGChart.format(place.y))" width="\#(Int(boxWidth))" height="\#(Int(boxHeight))" rx="8"></rect>"#
            svg += SVGChart.text(x: place.x + 10, y: place.y + 20, node.stepKey, anchor: "start")
            svg += SVGChart.text(x: place.x + 10, y: place.y + 40, String(node.title.prefix(34)), anchor: "start")
            svg += SVGChart.text(x: place.x + 10, y: place.y + 60, figures, anchor: "start")
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
