import Foundation

/// The rules of editing a journey's draft part by part in forms (the workspace's journey page):
/// which fields a step or the settings show, how a submitted form changes the draft's JSON, the
/// step a new one starts as, and how steps are linked in and out. What the result means is
/// still checked by `JourneyDefinitionParser` when the draft is saved.
public enum JourneyDraftForm {
    /// How deep objects open into fields; deeper ones are edited as JSON.
    static let deepestField = 3
    /// The names of a step's ways on to another step.
    static let linkNames: Set<String> = ["next", "on_timeout", "otherwise"]
    /// Texts edited over several lines.
    static let longTextNames: Set<String> = ["body", "text"]

    /// Whether a step of this type has a single way on (`next`): one a new step may follow,
    /// and one whose ways in can go where it went when it is taken out.
    public static func hasOneWayOn(_ type: String) -> Bool { links(ofType: type) == ["next"] }

    /// The types a step may take.
    public static var stepTypes: [String] { JourneyDefinitionParser.stepTypes }

    /// The ways on a step of this type always offers, present in its JSON or not.
    public static func links(ofType type: String) -> [String] {
        switch type {
        case "branch": ["otherwise"]
        case "split", "exit": []
        case "wait_for_event": ["next", "on_timeout"]
        default: ["next"]
        }
    }

    // MARK: Reading

    /// The draft (a definition that checked out when it was saved) as forms.
    public static func forms(of draft: JSONValue) -> JourneyDraftForms {
        guard case .object(var settings) = draft else { return JourneyDraftForms(settings: [], settingsJSON: "{}", steps: []) }
        let items: [JSONValue]
        if case .array(let found)? = settings["steps"] { items = found } else { items = [] }
        settings["steps"] = nil
        let steps = items.compactMap { item -> JourneyStepForm? in
            guard case .object(let step) = item, case .string(let key)? = step["key"], case .string(let type)? = step["type"] else { return nil }
            return JourneyStepForm(key: key, type: type, fields: fields(ofStep: step, type: type), json: text(item))
        }
        return JourneyDraftForms(settings: fields(settings, prefix: "", depth: 1), settingsJSON: text(.object(settings)), steps: steps)
    }

    static func fields(ofStep step: [String: JSONValue], type: String) -> [JourneyFormField] {
        var body = step
        body["key"] = nil
        body["type"] = nil
        for link in linkNames { body[link] = nil }
        let ways = links(ofType: type).map { name -> JourneyFormField in
            if case .string(let key)? = step[name] { JourneyFormField(path: name, input: .step, value: key) } else { JourneyFormField(path: name, input: .step, value: "") }
        }
        return fields(body, prefix: "", depth: 1) + ways
    }

    /// Each value by its dotted path, objects opened while their keys are plain names.
    static func fields(_ object: [String: JSONValue], prefix: String, depth: Int) -> [JourneyFormField] {
        // A message's subject and preheader before its body; otherwise by name.
        let first = ["subject": 0, "preheader": 1]
        return object.keys.sorted { (first[$0] ?? 2, $0) < (first[$1] ?? 2, $1) }.flatMap { name -> [JourneyFormField] in
            let path = prefix + name
            switch object[name]! {
            case .string(let value):
                // A line break would be lost in a one-line field.
                let long = longTextNames.contains(name) || value.contains(where: \.isNewline)
                return [JourneyFormField(path: path, input: long ? .longText : .text, value: value)]
            case .number(let value):
                return [JourneyFormField(path: path, input: .number, value: number(value))]
            case .bool(let value):
                return [JourneyFormField(path: path, input: .flag, value: value ? "true" : "false")]
            case .null:
                return []
            case .object(let inner) where depth < deepestField && !inner.isEmpty && inner.keys.allSatisfy(isPlainName):
                return fields(inner, prefix: path + ".", depth: depth + 1)
            case .object, .array:
                return [JourneyFormField(path: path, input: .json, value: text(object[name]!))]
            }
        }
    }

    // MARK: Changing

    /// The part with the submitted values of its fields (by path; a field not submitted stays),
    /// each read as its input says. `field` names the part in an error (`definition.steps[2]`).
    public static func applying(_ values: [String: String], to part: [String: JSONValue], fields: [JourneyFormField], field: String) throws -> [String: JSONValue] {
        var changed = part
        for formField in fields {
            guard let submitted = values[formField.path] else { continue }
            let name = "\(field).\(formField.path)"
            let value: JSONValue?
            switch formField.input {
            case .text:
                value = .string(submitted)
            case .longText:
                value = .string(submitted.replacingOccurrences(of: "\r\n", with: "\n"))
            case .number:
                guard let number = Double(submitted.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                    throw RapportError.invalid(field: name, "must be a number")
                }
                value = .number(number)
            case .flag:
                guard submitted == "true" || submitted == "false" else { throw RapportError.invalid(field: name, "must be true or false") }
                value = .bool(submitted == "true")
            case .step:
                value = submitted.isEmpty ? nil : .string(submitted)
            case .json:
                value = try json(submitted, field: name)
            }
            set(value, at: formField.path.split(separator: ".").map(String.init)[...], in: &changed)
        }
        return changed
    }

    /// A new step of this type: a working start the form then changes. `ids` gives the first
    /// inbox (`inbox_id`, e-mail for a message), team (`team_id`) and webhook (`webhook_id`) of
    /// the workspace for the types that need one.
    public static func newStep(type: String, key: String, ids: [String: String], field: String) throws -> [String: JSONValue] {
        func id(_ name: String, _ what: String) throws -> JSONValue {
            guard let id = ids[name] else { throw RapportError.invalid(field: field, "a `\(type)` step needs \(what): add one in the settings first") }
            return .string(id)
        }
        var step: [String: JSONValue] = ["key": .string(key), "type": .string(type)]
        switch type {
        case "wait": step["duration"] = .object(["hours": .number(1)])
        case "wait_until": step["time"] = .string("09:00")
        case "wait_for_event":
            step["event"] = .string("order.created")
            step["timeout"] = .object(["days": .number(1)])
        case "branch":
            step["branches"] = .array([.object(["condition": .object(["field": .string("orders.count"), "op": .string(">"), "value": .number(0)])])])
        case "split": step["paths"] = .array([.object(["share": .number(0.5)]), .object(["share": .number(0.5)])])
        case "send":
            step["channel"] = .string("email")
            step["inbox_id"] = try id("inbox_id", "an e-mail inbox")
            step["default_locale"] = .string("en")
            step["content"] = .object(["en": .object(["subject": .string("A word from us"), "body": .string("Hi {{customer.first_name | default: \"there\"}},")])])
        case "update_profile": step["add_tags"] = .array([.string("journey")])
        case "task": step["title"] = .string("Call the customer")
        case "note":
            step["inbox_id"] = try id("inbox_id", "an inbox")
            step["text"] = .string("A note for whoever answers this customer.")
        case "assign": step["team_id"] = try id("team_id", "a team")
        case "webhook": step["webhook_id"] = try id("webhook_id", "an outgoing webhook")
        case "survey": step["kind"] = .string("nps")
        case "exit": break
        default: throw RapportError.invalid(field: field, "must be one of \(JourneyDefinitionParser.stepTypes.joined(separator: ", "))")
        }
        return step
    }

    /// The steps with `step` put after the one keyed `after`, in its way on: the new step goes
    /// where that one went, and that one goes to the new step.
    public static func inserting(_ step: [String: JSONValue], after: String, into steps: [JSONValue], field: String) throws -> [JSONValue] {
        guard let index = steps.firstIndex(where: { key(of: $0) == after }), case .object(var before) = steps[index] else {
            throw RapportError.invalid(field: field, "names no step of the draft")
        }
        guard case .string(let beforeType)? = before["type"], hasOneWayOn(beforeType), case .string(let newKey)? = step["key"] else {
            throw RapportError.invalid(field: field, "must be a step with one way on; after a branch, split or wait for an event, change that step's ways instead")
        }
        var added = step
        let onward = before["next"]
        // Every way out of the new step goes where the one before it went.
        if case .string(let type)? = step["type"] {
            switch type {
            case "branch":
                added["branches"] = nextOfEach(step["branches"]) { _ in onward }
                added["otherwise"] = onward
            case "split": added["paths"] = nextOfEach(step["paths"]) { _ in onward }
            case "wait_for_event":
                added["next"] = onward
                added["on_timeout"] = onward
            case "exit": break
            default: added["next"] = onward
            }
        }
        before["next"] = .string(newKey)
        var result = steps
        result[index] = .object(before)
        result.insert(.object(added), at: index + 1)
        return result
    }

    /// The steps without the one keyed `key`; a way to it goes where it went (its one way
    /// on), or ends (it had several, or none, or it would lead back to the step itself). The
    /// first step taken out, the one it led to starts the journey.
    public static func removing(_ key: String, from steps: [JSONValue], field: String) throws -> [JSONValue] {
        guard let index = steps.firstIndex(where: { self.key(of: $0) == key }), case .object(let removed) = steps[index] else {
            throw RapportError.invalid(field: field, "names no step of the draft")
        }
        guard steps.count > 1 else { throw RapportError.invalid(field: field, "is the only step: a journey has at least one") }
        var onward: JSONValue?
        if case .string(let type)? = removed["type"], hasOneWayOn(type) { onward = removed["next"] }
        var result = steps
        result.remove(at: index)
        result = result.map { item in
            guard case .object(var step) = item else { return item }
            let own = step["key"]
            let relinked = { (value: JSONValue?) in value == .string(key) ? (onward == own ? nil : onward) : value }
            for name in linkNames { step[name] = relinked(step[name]) }
            step["branches"] = nextOfEach(step["branches"], relinked)
            step["paths"] = nextOfEach(step["paths"], relinked)
            return .object(step)
        }
        if index == 0, case .string(let first)? = onward, let place = result.firstIndex(where: { self.key(of: $0) == first }) {
            result.insert(result.remove(at: place), at: 0)
        }
        return result
    }

    /// The trigger a new journey starts from: `manual` (enrolled by hand or the API),
    /// `tracked` with the tracked event's name, or a Rapport event's name (order.delivered).
    public static func trigger(choice: String, trackedEvent: String?) throws -> JSONValue {
        switch choice {
        case "manual": return .object(["manual": .bool(true)])
        case "tracked":
            guard let name = trackedEvent?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                throw RapportError.invalid(field: "tracked_event", "is required: the tracked event's name (Checkout Started)")
            }
            return .object(["tracked_event": .string(name)])
        default:
            guard JourneyEvent.domainNames.contains(choice) else {
                throw RapportError.invalid(field: "trigger", "must be manual, tracked or one of \(JourneyEvent.domainNames.sorted().joined(separator: ", "))")
            }
            return .object(["event": .string(choice)])
        }
    }

    /// A new journey's definition: the trigger and one step, a wait of an hour, to build on.
    public static func blank(trigger: JSONValue) -> JSONValue {
        .object(["trigger": trigger, "steps": .array([.object(["key": .string("start"), "type": .string("wait"), "duration": .object(["hours": .number(1)])])])])
    }

    // MARK: JSON text

    /// JSON typed in a form, or a 422 naming the field.
    public static func json(_ text: String, field: String) throws -> JSONValue {
        guard let data = text.data(using: .utf8), let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw RapportError.invalid(field: field, "is not JSON")
        }
        return value
    }

    /// The value as indented JSON with its keys in order.
    public static func text(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }

    /// A list of branches or paths with each one's `next` changed.
    private static func nextOfEach(_ list: JSONValue?, _ change: (JSONValue?) -> JSONValue?) -> JSONValue? {
        guard case .array(let items)? = list else { return list }
        return .array(items.map { item in
            guard case .object(var object) = item else { return item }
            object["next"] = change(object["next"])
            return .object(object)
        })
    }

    static func key(of step: JSONValue) -> String? {
        if case .object(let object) = step, case .string(let key)? = object["key"] { key } else { nil }
    }

    private static func set(_ value: JSONValue?, at path: ArraySlice<String>, in object: inout [String: JSONValue]) {
        guard let name = path.first else { return }
        if path.count == 1 {
            object[name] = value
            return
        }
        guard case .object(var inner)? = object[name] else { return }
        set(value, at: path.dropFirst(), in: &inner)
        object[name] = .object(inner)
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
