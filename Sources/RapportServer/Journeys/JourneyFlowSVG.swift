import Foundation
import RapportCore

/// A journey drawn as a flow on the server (inline SVG, no script): a box per step in the row
/// of its depth, with its key, what it does, and its counts (waiting there, passed through,
/// and for a message the messages sent and skipped), and an arrow for each way between steps
/// (down, or to the right along a row, straight; back up or to the left round the right-hand side),
/// labelled with what takes it. Every text is escaped and cut to its box with an ellipsis
/// (the step's tooltip has it whole); the drawing narrows to fit the page.
enum JourneyFlowSVG {
    static let boxWidth = 210.0, boxHeight = 70.0, columnGap = 30.0, rowGap = 46.0, margin = 12.0
    /// Room on the right for the ways that go back up or along a row.
    static let gutter = 48.0

    static func draw(_ flow: JourneyFlow, counts: [String: JourneyStepCount], title: String) -> String {
        let boxes = margin * 2 + Double(max(flow.width, 1)) * (boxWidth + columnGap) - columnGap
        let width = boxes + gutter
        let height = margin * 2 + Double(max(flow.rows, 1)) * (boxHeight + rowGap) - rowGap
        var places: [String: (x: Double, y: Double)] = [:]
        let perRow = Dictionary(grouping: flow.nodes, by: \.row).mapValues(\.count)
        for node in flow.nodes {
            // Each row centred under the widest.
            let inRow = Double(perRow[node.row] ?? 1)
            let offset = (boxes - margin * 2 - (inRow * (boxWidth + columnGap) - columnGap)) / 2
            places[node.stepKey] = (
                margin + offset + Double(node.column) * (boxWidth + columnGap), margin + Double(node.row) * (boxHeight + rowGap)
            )
        }
        var svg = #"<svg class="journey-flow" width="\#(Int(width))" height="\#(Int(height))" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-label="\#(MarkupText.escape(title))">"#
        svg += "<title>\(MarkupText.escape(title))</title>"
        svg += #"<defs><marker id="flow-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z"></path></marker></defs>"#
        var back = 0
        // Labels go on top of everything, so no box hides them.
        var labels = ""
        for edge in flow.edges {
            guard let from = places[edge.from], let to = places[edge.to] else { continue }
            svg += #"<g class="way" data-from="\#(MarkupText.escape(edge.from))" data-to="\#(MarkupText.escape(edge.to))">"#
            if to.y > from.y {
                // Down: from the bottom of one box to the top of the next.
                let (x1, y1, x2, y2) = (from.x + boxWidth / 2, from.y + boxHeight, to.x + boxWidth / 2, to.y)
                svg += #"<line class="way-line" x1="\#(SVGChart.format(x1))" y1="\#(SVGChart.format(y1))" x2="\#(SVGChart.format(x2))" y2="\#(SVGChart.format(y2))" marker-end="url(#flow-arrow)"></line>"#
                if let label = edge.label { labels += SVGChart.text(x: (x1 + x2) / 2 + 4, y: (y1 + y2) / 2 + 4, label, anchor: "start") }
            } else if to.y == from.y, to.x > from.x {
                // Along a row to the right: straight across the gap.
                let (x1, x2, y) = (from.x + boxWidth, to.x, from.y + boxHeight / 2)
                svg += #"<line class="way-line" x1="\#(SVGChart.format(x1))" y1="\#(SVGChart.format(y))" x2="\#(SVGChart.format(x2))" y2="\#(SVGChart.format(y))" marker-end="url(#flow-arrow)"></line>"#
                if let label = edge.label { labels += SVGChart.text(x: (x1 + x2) / 2, y: y - 6, label, anchor: "middle") }
            } else {
                // Back up or along a row: out to the right-hand gutter, up or across, and into the box's right side.
                back += 1
                let lane = boxes + Double(back % 4) * 9 + 4
                let (y1, y2) = (from.y + boxHeight / 2, to.y + boxHeight / 2 + 8)
                let points = [(from.x + boxWidth, y1), (lane, y1), (lane, y2), (to.x + boxWidth, y2)]
                    .map { "\(SVGChart.format($0.0)),\(SVGChart.format($0.1))" }.joined(separator: " ")
                svg += #"<polyline class="way-line" points="\#(points)" marker-end="url(#flow-arrow)"></polyline>"#
                if let label = edge.label { labels += SVGChart.text(x: from.x + boxWidth + 4, y: y1 - 4, label, anchor: "start") }
            }
            svg += "</g>"
        }
        for node in flow.nodes {
            guard let place = places[node.stepKey] else { continue }
            let count = counts[node.stepKey] ?? JourneyStepCount(stepKey: node.stepKey, waiting: 0, passed: 0)
            var figures = "\(count.waiting) waiting · \(count.passed) passed"
            if count.sent > 0 || count.skipped > 0 { figures = "\(count.waiting) waiting · \(count.sent) sent · \(count.skipped) skipped" }
            svg += #"<g class="step" id="flow-step-\#(MarkupText.escape(node.stepKey))" data-step="\#(MarkupText.escape(node.stepKey))" data-waiting="\#(count.waiting)" data-passed="\#(count.passed)">"#
            svg += "<title>\(MarkupText.escape("\(node.stepKey): \(node.title). \(figures)"))</title>"
            svg += #"<rect x="\#(SVGChart.format(place.x))" y="\#(SVGChart.format(place.y))" width="\#(Int(boxWidth))" height="\#(Int(boxHeight))" rx="8"></rect>"#
            svg += SVGChart.text(x: place.x + 10, y: place.y + 20, fitted(node.stepKey, 26), anchor: "start")
            svg += SVGChart.text(x: place.x + 10, y: place.y + 40, fitted(node.title, 30), anchor: "start")
            svg += SVGChart.text(x: place.x + 10, y: place.y + 60, fitted(figures, 32), anchor: "start")
            svg += "</g>"
        }
        return svg + #"<g class="way">\#(labels)</g></svg>"#
    }

    /// The text cut to fit a box's line, with an ellipsis when cut (the step's tooltip has it whole).
    static func fitted(_ text: String, _ characters: Int) -> String {
        text.count <= characters ? text : String(text.prefix(characters - 1)) + "…"
    }
}
