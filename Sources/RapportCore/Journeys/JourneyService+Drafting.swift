/// Editing a journey's draft part by part, as the workspace's journey page does: the settings
/// or one step through its fields or as JSON, a step added after another or taken out. Each
/// change is saved through `update`, so the whole draft is checked as a PATCH of it is.
extension JourneyService {
    /// The journey's draft as forms.
    public func draftForms(id: String, as actor: Actor) async throws -> JourneyDraftForms {
        try actor.require(.manageJourneys)
        return JourneyDraftForm.forms(of: try await find(id: id, as: actor).draft)
    }

    /// The part with the submitted values of its fields (by path, as `draftForms` names them).
    public func editDraft(id: String, part: JourneyDraftPart, values: [String: String], as actor: Actor) async throws -> Journey {
        try await changingDraft(id: id, as: actor) { definition, steps in
            let forms = JourneyDraftForm.forms(of: .object(definition))
            switch part {
            case .settings:
                var settings = definition
                settings["steps"] = nil
                var changed = try JourneyDraftForm.applying(values, to: settings, fields: forms.settings, field: "definition")
                changed["steps"] = .array(steps)
                return changed
            case .step(let key):
                let index = try Self.place(of: key, in: steps)
                guard case .object(let step) = steps[index], let form = forms.steps.first(where: { $0.key == key }) else { throw Self.noStep }
                var changed = steps
                changed[index] = .object(try JourneyDraftForm.applying(values, to: step, fields: form.fields, field: "definition.steps[\(index)]"))
                var whole = definition
                whole["steps"] = .array(changed)
                return whole
            }
        }
    }

    /// The part replaced by JSON: the settings without `steps`, or a step keeping its key.
    public func replaceDraftPart(id: String, part: JourneyDraftPart, json text: String, as actor: Actor) async throws -> Journey {
        try await changingDraft(id: id, as: actor) { definition, steps in
            switch part {
            case .settings:
                guard case .object(var settings) = try JourneyDraftForm.json(text, field: "definition") else {
                    throw RapportError.invalid(field: "definition", "must be an object: the journey's trigger and settings")
                }
                guard settings["steps"] == nil else { throw RapportError.invalid(field: "definition.steps", "are edited one by one, not with the settings") }
                settings["steps"] = .array(steps)
                return settings
            case .step(let key):
                let index = try Self.place(of: key, in: steps)
                let field = "definition.steps[\(index)]"
                guard case .object(let step) = try JourneyDraftForm.json(text, field: field) else { throw RapportError.invalid(field: field, "must be an object") }
                guard step["key"] == .string(key) else {
                    throw RapportError.invalid(field: "\(field).key", "stays `\(key)`: the step's counts follow its key; add a new step for another")
                }
                var changed = steps
                changed[index] = .object(step)
                var whole = definition
                whole["steps"] = .array(changed)
                return whole
            }
        }
    }

    /// A new step of `type` keyed `key` after the step keyed `after`, in its way on.
    public func addStep(id: String, type: String, key: String, after: String, as actor: Actor) async throws -> Journey {
        try actor.require(.manageJourneys)
        let ids = try await store.read { session -> [String: String] in
            var ids: [String: String] = [:]
            let inboxes = try await session.inboxes.inboxes(workspaceID: actor.workspaceID)
            ids["inbox_id"] = (type == "send" ? inboxes.first { $0.channel == .email } : inboxes.first)?.id
            ids["team_id"] = try await session.inboxes.teams(workspaceID: actor.workspaceID).first?.id
            ids["webhook_id"] = try await session.webhooks.all(workspaceID: actor.workspaceID).first?.id
            return ids
        }
        return try await changingDraft(id: id, as: actor) { definition, steps in
            let step = try JourneyDraftForm.newStep(type: type, key: key, ids: ids, field: "type")
            var whole = definition
            whole["steps"] = .array(try JourneyDraftForm.inserting(step, after: after, into: steps, field: "after"))
            return whole
        }
    }

    /// The draft without the step keyed `key`; the ways to it go where it went.
    public func removeStep(id: String, key: String, as actor: Actor) async throws -> Journey {
        try await changingDraft(id: id, as: actor) { definition, steps in
            var whole = definition
            whole["steps"] = .array(try JourneyDraftForm.removing(key, from: steps, field: "key"))
            return whole
        }
    }

    /// Reads the draft, changes it and saves it through `update` (checked whole). Two editors
    /// at once: the later save wins, as with PATCH.
    private func changingDraft(
        id: String, as actor: Actor, _ change: ([String: JSONValue], [JSONValue]) throws -> [String: JSONValue]
    ) async throws -> Journey {
        try actor.require(.manageJourneys)
        let journey = try await find(id: id, as: actor)
        guard journey.status != .archived else { throw RapportError.conflict("An archived journey does not change; create a new one.") }
        guard case .object(let definition) = journey.draft else { throw RapportError.conflict("The draft is not an object; replace it through the API.") }
        let steps: [JSONValue]
        if case .array(let found)? = definition["steps"] { steps = found } else { steps = [] }
        return try await update(id: id, JourneyDraft(definition: .object(try change(definition, steps))), as: actor)
    }

    private static let noStep = RapportError.invalid(field: "step", "names no step of the draft")

    private static func place(of key: String, in steps: [JSONValue]) throws -> Int {
        guard let index = steps.firstIndex(where: { JourneyDraftForm.key(of: $0) == key }) else { throw noStep }
        return index
    }
}
