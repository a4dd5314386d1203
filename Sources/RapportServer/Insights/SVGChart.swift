import Foundation
import RapportCore

/// Charts drawn on the server as inline SVG (no script, no library): a bar chart of two series
/// per day, and horizontal bars. Every label is escaped; sizes are in the SVG's own units so
/// the chart scales with the page.
enum SVGChart {
    struct Series {
        var name: String
        var cssClass: String
        var values: [Int]
    }

    /// Bars for each day, one per series side by side, with the largest value on the axis.
    static func days(labels: [String], series: [Series], title: String) -> String {
        let width = 720.0, height = 220.0, left = 36.0, bottom = 24.0, top = 10.0
        let peak = max(series.flatMap(\.values).max() ?? 0, 1)
        let slot = (width - left) / Double(max(labels.count, 1))
        let bar = max(min(slot / Double(series.count + 1), 28), 1)
        var svg = #"<svg class="chart" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-label="\#(MarkupText.escape(title))">"#
        svg += "<title>\(MarkupText.escape(title))</title>"
        svg += line(x1: left, y1: height - bottom, x2: width, y2: height - bottom, cssClass: "axis")
        svg += text(x: left - 4, y: top + 8, compact(peak), anchor: "end")
        svg += text(x: left - 4, y: height - bottom, "0", anchor: "end")
        let every = max(labels.count / 10, 1)
        for (index, label) in labels.enumerated() {
            let x = left + slot * Double(index)
            for (position, one) in series.enumerated() {
                let value = index < one.values.count ? one.values[index] : 0
                let barHeight = (height - bottom - top) * Double(value) / Double(peak)
                svg += #"<rect class="\#(one.cssClass)" x="\#(format(x + bar * (Double(position) + 0.5)))" y="\#(format(height - bottom - barHeight))" width="\#(format(bar))" height="\#(format(barHeight))"><title>\#(MarkupText.escape("\(label): \(value) \(one.name)"))</title></rect>"#
            }
            if index % every == 0 { svg += text(x: x + slot / 2, y: height - 6, label, anchor: "middle") }
        }
        return svg + "</svg>"
    }

    /// One horizontal bar per row, labelled, scaled to the largest.
    static func bars(_ rows: [(label: String, value: Int)], title: String) -> String {
        bars(rows.map { (label: $0.label, value: $0.value, text: "\($0.value)") }, title: title)
    }

    /// One horizontal bar per row, labelled, scaled to the largest, each followed by its text (an
    /// amount of money, a share).
    static func bars(_ rows: [(label: String, value: Int, text: String)], title: String) -> String {
        let width = 360.0, rowHeight = 26.0, left = 110.0
        let height = rowHeight * Double(max(rows.count, 1))
        let peak = max(rows.map(\.value).max() ?? 0, 1)
        // Room after the longest bar for the longest text (about 7 units a character).
        let room = Double(max(rows.map(\.text.count).max() ?? 0, 4)) * 7 + 8
        var svg = #"<svg class="chart" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-label="\#(MarkupText.escape(title))"><title>\#(MarkupText.escape(title))</title>"#
        for (index, row) in rows.enumerated() {
            let y = rowHeight * Double(index)
            let length = max(width - left - room, 10) * Double(row.value) / Double(peak)
            svg += text(x: left - 6, y: y + 17, row.label, anchor: "end")
            svg += #"<rect class="series-a" x="\#(format(left))" y="\#(format(y + 5))" width="\#(format(length))" height="16"></rect>"#
            svg += text(x: left + length + 4, y: y + 17, row.text, anchor: "start")
        }
        return svg + "</svg>"
    }

    /// A grid of cells shaded by their value (0 to 1), each with its own text and tooltip; rows
    /// and columns labelled.
    static func heatmap(
        rows: [(label: String, cells: [(value: Double, text: String, tooltip: String)?])], columns: [String], title: String
    ) -> String {
        let left = 130.0, top = 22.0, cell = 46.0, rowHeight = 26.0
        let width = left + cell * Double(max(columns.count, 1)), height = top + rowHeight * Double(max(rows.count, 1))
        var svg = #"<svg class="chart heatmap" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-label="\#(MarkupText.escape(title))"><title>\#(MarkupText.escape(title))</title>"#
        for (index, column) in columns.enumerated() {
            svg += text(x: left + cell * (Double(index) + 0.5), y: 14, column, anchor: "middle")
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = top + rowHeight * Double(rowIndex)
            svg += text(x: left - 6, y: y + 17, row.label, anchor: "end")
            for (columnIndex, entry) in row.cells.enumerated() {
                guard let entry else { continue }
                let x = left + cell * Double(columnIndex)
                let shade = format(0.08 + 0.92 * min(max(entry.value, 0), 1))
                svg += #"<rect class="heat" x="\#(format(x + 1))" y="\#(format(y + 1))" width="\#(format(cell - 2))" height="\#(format(rowHeight - 2))" fill-opacity="\#(shade)"><title>\#(MarkupText.escape(entry.tooltip))</title></rect>"#
                svg += #"<text class="\#(entry.value > 0.55 ? "on-dark" : "on-light")" x="\#(format(x + cell / 2))" y="\#(format(y + 17))" text-anchor="middle">\#(MarkupText.escape(entry.text))</text>"#
            }
        }
        return svg + "</svg>"
    }

    /// 950, 9.5k, 28.8k, 1.2M: an axis label that fits its margin.
    static func compact(_ value: Int) -> String {
        switch abs(value) {
        case ..<1_000: "\(value)"
        case ..<1_000_000: String(format: "%.1fk", Double(value) / 1_000)
        default: String(format: "%.1fM", Double(value) / 1_000_000)
        }
    }

    static func text(x: Double, y: Double, _ value: String, anchor: String) -> String {
        #"<text x="\#(format(x))" y="\#(format(y))" text-anchor="\#(anchor)">\#(MarkupText.escape(value))</text>"#
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String) -> String {
        #"<line class="\#(cssClass)" x1="\#(format(x1))" y1="\#(format(y1))" x2="\#(format(x2))" y2="\#(format(y2))"></line>"#
    }

    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

}
