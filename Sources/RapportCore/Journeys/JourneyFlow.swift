import Foundation

/// A journey laid out to be drawn as a flow (the journey page draws it as SVG): each step in
/// the row of its shortest distance from the first step, in the order the ways reach it, with
/// the ways between steps and what takes each.
public struct JourneyFlow: Sendable, Equatable {
    public var nodes: [JourneyFlowNode]
    public var edges: [JourneyFlowEdge]

    /// The most steps side by side in one row.
    public var width: Int { (Dictionary(grouping: nodes, by: \.row).values.map(\.count).max()) ?? 0 }
    public var rows: Int { (nodes.map(\.row).max() ?? -1) + 1 }

    public init(_ definition: JourneyDefinition) {
        var depth: [String: Int] = [:]
        var order: [String] = []
        var queue: [String] = definition.steps.first.map { [$0.key] } ?? []
        if let first = queue.first { depth[first] = 0 }
        // Breadth first: a step's row is its shortest distance from the first.
        while !queue.isEmpty {
            let key = queue.removeFirst()
            order.append(key)
            guard let step = definition.step(key) else { continue }
            for next in step.kind.successors where depth[next] == nil && definition.step(next) != nil {
                depth[next] = depth[key, default: 0] + 1
                queue.append(next)
            }
        }
        let below = (depth.values.max() ?? -1) + 1
        for step in definition.steps where depth[step.key] == nil {
            depth[step.key] = below
            order.append(step.key)
        }
        var columns: [Int: Int] = [:]
        nodes = order.compactMap { key in
            guard let step = definition.step(key), let row = depth[key] else { return nil }
            defer { columns[row, default: 0] += 1 }
            return JourneyFlowNode(stepKey: key, title: Self.title(of: step.kind), row: row, column: columns[row, default: 0])
        }
        edges = definition.steps.flatMap { step in
            Self.ways(of: step.kind).filter { definition.step($0.next) != nil }.map { JourneyFlowEdge(from: step.key, to: $0.next, label: $0.label) }
        }
    }

    /// The ways out of a step, each with what takes it when there is more than one.
    static func ways(of kind: JourneyStepKind) -> [(next: String, label: String?)] {
        switch kind {
        case .waitForEvent(_, _, let next, let onTimeout):
            return [next.map { ($0, "event") }, onTimeout.map { ($0, "timeout") }].compactMap { $0 }
        case .branch(let branches, let otherwise):
            return branches.enumerated().compactMap { index, branch in branch.next.map { ($0, "branch \(index + 1)") } }
                + (otherwise.map { [($0, "otherwise")] } ?? [])
        case .split(let paths):
            return paths.compactMap { path in path.next.map { ($0, "\(Int((path.share * 100).rounded()))%") } }
        default:
            return kind.successors.map { ($0, nil) }
        }
    }

    /// The step in a word or two.
    static func title(of kind: JourneyStepKind) -> String {
        switch kind {
        case .wait(let seconds, _): "Wait \(duration(seconds))"
        case .waitRebuyInterval(let fallback, _): "Wait their re-buy interval (else \(duration(fallback)))"
        case .waitUntil(let time, _): "Wait until \(time.text)"
        case .waitUntilAnniversary(let attribute, let time, _): "Wait until \(time.text) on their \(attribute.replacingOccurrences(of: "_", with: " "))"
        case .waitForEvent(let event, let timeout, _, _): "Wait for \(event.name), at most \(duration(timeout))"
        case .branch: "Branch"
        case .split: "Split"
        case .send(let send, _): "\(send.channel.label.prefix(1).uppercased())\(send.channel.label.dropFirst())\(send.isMarketing ? "" : " (service)")"
        case .updateProfile: "Update profile"
        case .task(let task, _): "Task: \(task.title)"
        case .note: "Note for the team"
        case .assign: "Assign to a team"
        case .webhook: "Webhook"
        case .survey(let kind, _): "Survey: \(kind.rawValue.uppercased())"
        case .exit: "Exit"
        }
    }

    /// A duration in its largest whole unit (`2 h`, `3 d`, `90 min`).
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds)
        if whole % 86_400 == 0 { return "\(whole / 86_400) d" }
        if whole % 3_600 == 0 { return "\(whole / 3_600) h" }
        if whole % 60 == 0 { return "\(whole / 60) min" }
        return "\(whole) s"
    }
}
