import Foundation
import RapportCore

/// A saved definition in words, one line per group and condition, indented by how deep it
/// sits: `All of these hold` / `Tags include “vip”` / `Number of orders at least 2, placed
/// from 1997-01-01`. A condition naming another segment links to it.
struct SegmentSummary: TemplateView {
    struct Line: TemplateView {
        /// 0 for the outermost part; the template indents by it (classes `depth-0` … `depth-8`).
        let depth: Int
        let text: String
        /// The segment a membership condition names.
        var link: Link?
    }

    struct Link: TemplateView {
        let href: String
        let text: String
    }

    let lines: [Line]

    /// `names` are the workspace's segments by id, for the conditions that name one.
    init(_ definition: SegmentDefinition, names: [String: String]) {
        var lines: [Line] = []
        Self.add(definition, depth: 0, names: names, to: &lines)
        self.lines = lines
    }

    private static func add(_ part: SegmentDefinition, depth: Int, names: [String: String], to lines: inout [Line]) {
        let level = min(depth, SegmentDefinitionParser.maximumDepth)
        switch part {
        case .all(let parts):
            lines.append(Line(depth: level, text: parts.isEmpty ? "Everyone (no condition given)" : "All of these hold"))
            for inner in parts { add(inner, depth: depth + 1, names: names, to: &lines) }
        case .any(let parts):
            lines.append(Line(depth: level, text: parts.isEmpty ? "No one (an empty “any” group)" : "Any of these holds"))
            for inner in parts { add(inner, depth: depth + 1, names: names, to: &lines) }
        case .not(.any(let parts)):
            lines.append(Line(depth: level, text: "None of these holds"))
            for inner in parts { add(inner, depth: depth + 1, names: names, to: &lines) }
        case .not(let inner):
            lines.append(Line(depth: level, text: "Not this"))
            add(inner, depth: depth + 1, names: names, to: &lines)
        case .condition(let condition):
            lines.append(line(condition, depth: level, names: names))
        }
    }

    private static func line(_ condition: SegmentCondition, depth: Int, names: [String: String]) -> Line {
        let type = condition.field.valueType
        if condition.field == .segments, let id = condition.value.text {
            let verb = condition.op == .notContains ? "Not a member of" : "Member of"
            return Line(depth: depth, text: verb, link: Link(href: "/segments/\(id)", text: names[id] ?? id))
        }
        var text = SegmentWording.field(condition.field)
        switch (condition.op, condition.value) {
        case (.withinLastDays, .number(let days)): text += " in the last \(SegmentWording.number(days)) days"
        case (.moreThanDaysAgo, .number(let days)): text += " more than \(SegmentWording.number(days)) days ago"
        case (.anniversaryWithinDays, .number(let days)):
            text += days == 0 ? ": anniversary today" : ": anniversary within \(SegmentWording.number(days)) day\(days == 1 ? "" : "s")"
        case (.equal, .boolean(let flag)) where type == .boolean: text += flag ? ": yes" : ": no"
        default:
            text += " " + SegmentWording.op(condition.op, type: type)
            if let value = value(condition.value) { text += " " + value }
        }
        if condition.field.isMoney { text += " (main currency)" }
        var details: [String] = []
        if let event = condition.event { details.append("event “\(event)”") }
        if !condition.properties.isEmpty {
            let pairs = condition.properties.sorted { $0.key < $1.key }.map { "\($0.key) = \(property($0.value))" }
            details.append("where " + pairs.joined(separator: ", "))
        }
        if let product = condition.product {
            details.append("\(SegmentWording.product(product)) “\(product.value)”")
        }
        switch condition.window {
        case .lastDays(let days)?: details.append("in the last \(days) days")
        case .between(let from, let before)?:
            let verb = condition.field.facet == .events ? "" : "placed "
            if let from { details.append("\(verb)from \(SegmentWording.date(from))") }
            if let before { details.append("\(verb)before \(SegmentWording.date(before))") }
        case nil: break
        }
        if let channel = condition.orderChannel { details.append("through \(channel)") }
        if let purpose = condition.purpose { details.append("for \(purpose.rawValue)") }
        if let channel = condition.channel { details.append("by \(channel.rawValue)") }
        if !details.isEmpty { text += ", " + details.joined(separator: ", ") }
        return Line(depth: depth, text: text)
    }

    private static func value(_ value: SegmentValue) -> String? {
        switch value {
        case .none: nil
        case .number(let number): SegmentWording.number(number)
        case .text(let text): "“\(text)”"
        case .texts(let texts): texts.map { "“\($0)”" }.joined(separator: ", ")
        case .boolean(let flag): flag ? "yes" : "no"
        case .date(let date): SegmentWording.date(date)
        }
    }

    private static func property(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "“\(text)”"
        case .number(let number): SegmentWording.number(number)
        case .bool(let flag): flag ? "true" : "false"
        default: "?"
        }
    }
}
