import Foundation

/// How a list of stage drafts becomes a pipeline's stages: names of 1 to 60 characters that
/// differ (letter case aside), a whole-percent probability for every open stage, at most one
/// won stage (100 %) and one lost stage (0 %), added at the end when missing, and the order
/// open stages first (as given), then won, then lost.
enum PipelineStageRules {
    static func stages(from drafts: [PipelineStageDraft], pipelineID: String, keeping existing: [PipelineStage], at now: Date) throws -> [PipelineStage] {
        guard !drafts.isEmpty else { throw RapportError.invalid(field: "stages", "is required: at least one stage") }
        guard drafts.count <= PipelineService.maximumStages else {
            throw RapportError.invalid(field: "stages", "holds at most \(PipelineService.maximumStages) stages")
        }
        var errors: [FieldError] = []
        var stages: [PipelineStage] = []
        var usedIDs = Set<String>()
        for (index, draft) in drafts.enumerated() {
            let field = "stages[\(index)]"
            let kept = draft.id.flatMap { id in existing.first { $0.id == id } }
            let kind = draft.kind ?? kept?.kind ?? .open
            let stuckAfterDays = draft.stuckAfterDays ?? kept?.stuckAfterDays
            let name = draft.name.trimmed.isEmpty ? (kept?.name ?? "") : draft.name.trimmed
            if name.isEmpty || name.count > PipelineService.maximumStageNameLength {
                errors.append(FieldError(field: "\(field).name", message: "is required: 1 to \(PipelineService.maximumStageNameLength) characters"))
            }
            let probability: Int
            switch (kind, draft.probability ?? (kept?.kind == kind ? kept?.probability : nil)) {
            case (.open, nil):
                errors.append(FieldError(field: "\(field).probability", message: "is required of an open stage: a whole percent from 0 to 100"))
                probability = 0
            case (.open, let given?): probability = given
            case (.won, let given): probability = given ?? 100
            case (.lost, let given): probability = given ?? 0
            }
            if !(0...100).contains(probability) {
                errors.append(FieldError(field: "\(field).probability", message: "must be a whole percent from 0 to 100"))
            } else if kind == .won && probability != 100 {
                errors.append(FieldError(field: "\(field).probability", message: "of a won stage is 100"))
            } else if kind == .lost && probability != 0 {
                errors.append(FieldError(field: "\(field).probability", message: "of a lost stage is 0"))
            }
            if let days = stuckAfterDays, !(1...3650).contains(days) {
                errors.append(FieldError(field: "\(field).stuck_after_days", message: "must be from 1 to 3650 days"))
            }
            var id = ResourceID.make(.pipelineStage, at: now)
            if let given = draft.id {
                if !existing.contains(where: { $0.id == given }) {
                    errors.append(FieldError(field: "\(field).id", message: "names no stage of this pipeline (\(given.prefix(64)))"))
                } else if !usedIDs.insert(given).inserted {
                    errors.append(FieldError(field: "\(field).id", message: "is listed twice"))
                }
                id = given
            }
            stages.append(
                PipelineStage(id: id, pipelineID: pipelineID, name: name, position: 0, probability: probability, kind: kind, stuckAfterDays: stuckAfterDays))
        }
        for kind in [PipelineStageKind.won, .lost] where stages.filter({ $0.kind == kind }).count > 1 {
            errors.append(FieldError(field: "stages", message: "holds at most one \(kind.rawValue) stage"))
        }
        if !stages.contains(where: { $0.kind == .open }) {
            errors.append(FieldError(field: "stages", message: "needs at least one open stage"))
        }
        if !stages.contains(where: { $0.kind == .won }) {
            stages.append(PipelineStage(id: ResourceID.make(.pipelineStage, at: now), pipelineID: pipelineID, name: "Won", position: 0, probability: 100, kind: .won))
        }
        if !stages.contains(where: { $0.kind == .lost }) {
            stages.append(PipelineStage(id: ResourceID.make(.pipelineStage, at: now), pipelineID: pipelineID, name: "Lost", position: 0, probability: 0, kind: .lost))
        }
        var seen = Set<String>()
        for stage in stages where !stage.name.isEmpty && !seen.insert(stage.name.lowercased()).inserted {
            errors.append(FieldError(field: "stages", message: "names \(stage.name) twice: stage names differ"))
        }
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        let ordered = stages.filter { $0.kind == .open } + stages.filter { $0.kind == .won } + stages.filter { $0.kind == .lost }
        return ordered.enumerated().map { index, stage in
            var placed = stage
            placed.position = index
            return placed
        }
    }
}
