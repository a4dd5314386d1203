import Foundation

extension JourneyDefinitionParser {
    static let stepTypes = ["wait", "wait_until", "wait_for_event", "branch", "split", "send", "update_profile", "task", "note", "assign", "webhook", "survey", "exit"]

    /// The steps in order (the first is where everyone starts), their keys unique, each `next`
    /// a step's key, each step reached from the first, and no way round without a long wait.
    /// `checkingContent` false reads a stored version's messages without today's content rules.
    static func steps(_ json: JSONValue?, path: String, checkingContent: Bool = true) throws -> [JourneyStep] {
        guard case .array(let items)? = json, (1...maximumSteps).contains(items.count) else {
            throw invalid(path, "is required: a list of 1 to \(maximumSteps) steps, the first where everyone starts")
        }
        var steps: [JourneyStep] = []
        var places: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let step = try self.step(item, path: "\(path)[\(index)]", checkingContent: checkingContent)
            guard places[step.key] == nil else { throw invalid("\(path)[\(index)].key", "`\(step.key)` is the key of an earlier step: keys are unique") }
            places[step.key] = index
            steps.append(step)
        }
        for (index, step) in steps.enumerated() {
            if let missing = step.kind.successors.first(where: { places[$0] == nil }) {
                throw invalid("\(path)[\(index)]", "leads to `\(missing.prefix(64))`, which is no step's key")
            }
        }
        // Reached from the first.
        var reached: Set<String> = [steps[0].key]
        var frontier = [steps[0].key]
        while let key = frontier.popLast() {
            for next in steps[places[key]!].kind.successors where reached.insert(next).inserted { frontier.append(next) }
        }
        if let index = steps.indices.first(where: { !reached.contains(steps[$0].key) }) {
            throw invalid("\(path)[\(index)]", "is not reached from the first step: link it from another step or remove it")
        }
        // A loop among steps that do not wait would run for ever in one go.
        if let index = loopWithoutWait(steps, places: places) {
            throw invalid(
                "\(path)[\(index)]",
                "is on a way round the journey that passes no long wait: put a `wait` of an hour or more, or a `wait_until`, on it (a wait for an event does not do: the journey's own steps can cause it)")
        }
        return steps
    }

    /// A step on a cycle of steps that do not wait, if any (depth first over them alone).
    private static func loopWithoutWait(_ steps: [JourneyStep], places: [String: Int]) -> Int? {
        var state = [Int](repeating: 0, count: steps.count)  // 0 unseen, 1 on the path, 2 done
        func visit(_ index: Int) -> Int? {
            state[index] = 1
            for next in steps[index].kind.successors {
                let target = places[next]!
                guard !steps[target].kind.breaksLoop else { continue }
                if state[target] == 1 { return target }
                if state[target] == 0, let found = visit(target) { return found }
            }
            state[index] = 2
            return nil
        }
        for index in steps.indices where state[index] == 0 && !steps[index].kind.breaksLoop {
            if let found = visit(index) { return found }
        }
        return nil
    }

    private static func step(_ json: JSONValue, path: String, checkingContent: Bool) throws -> JourneyStep {
        guard case .object(let object) = json else { throw invalid(path, "must be an object with `key`, `type` and the type's fields") }
        guard case .string(let key)? = object["key"], isKey(key) else {
            throw invalid("\(path).key", "is required: 1 to \(maximumKeyLength) characters of a-z, 0-9, _ and -, the step's name that stays when it is edited")
        }
        guard case .string(let type)? = object["type"], stepTypes.contains(type) else {
            throw invalid("\(path).type", "must be one of \(stepTypes.joined(separator: ", "))")
        }
        var fields = object
        fields["key"] = nil
        fields["type"] = nil
        return JourneyStep(key: key, kind: try kind(type, fields, path: path, checkingContent: checkingContent))
    }

    private static func kind(_ type: String, _ fields: [String: JSONValue], path: String, checkingContent: Bool) throws -> JourneyStepKind {
        let reader = JourneyStepFields(fields, path: path)
        let kind: JourneyStepKind
        switch type {
        case "wait":
            let seconds = try duration(reader.take("duration"), path: "\(path).duration")
            // `rebuy_interval`: the customer's own re-buy interval, `duration` until it is known.
            let rebuy = try flag(reader.take("rebuy_interval"), path: "\(path).rebuy_interval") ?? false
            kind = rebuy ? .waitRebuyInterval(fallbackSeconds: seconds, next: try reader.next()) : .wait(seconds: seconds, next: try reader.next())
        case "wait_until":
            guard case .string(let text)? = reader.take("time"), let time = CampaignTimeOfDay(text: text) else {
                throw invalid("\(path).time", "must be a time on the customer's own clock, `HH:MM` in 24 hours (09:00)")
            }
            // `anniversary_of`: on the day a date of theirs (a custom attribute) comes round.
            switch reader.take("anniversary_of") {
            case nil, .null?:
                kind = .waitUntil(time, next: try reader.next())
            case .string(let attribute)? where ProfileRules.isAttributeKey(attribute):
                kind = .waitUntilAnniversary(attribute: attribute, time: time, next: try reader.next())
            default:
                throw invalid("\(path).anniversary_of", "must be a custom attribute's name holding a date (birthday)")
            }
        case "wait_for_event":
            var eventFields: [String: JSONValue] = [:]
            for name in ["event", "tracked_event", "filters"] { eventFields[name] = reader.take(name) }
            let event = try self.event(eventFields, path: path)
            let timeout = try duration(reader.take("timeout"), path: "\(path).timeout")
            kind = .waitForEvent(event, timeoutSeconds: timeout, next: try reader.next(), onTimeout: try reader.next("on_timeout"))
        case "branch":
            guard case .array(let items)? = reader.take("branches"), (1...maximumBranches).contains(items.count) else {
                throw invalid("\(path).branches", "is required: 1 to \(maximumBranches) branches, each `{\"condition\": {…}, \"next\": \"…\"}`; the first whose condition holds is taken")
            }
            let branches = try items.enumerated().map { index, item in try branch(item, path: "\(path).branches[\(index)]") }
            kind = .branch(branches, otherwise: try reader.next("otherwise"))
        case "split":
            kind = .split(try split(reader.take("paths"), path: "\(path).paths"))
        case "send":
            kind = .send(try send(reader, path: path, checkingContent: checkingContent), next: try reader.next())
        case "update_profile":
            kind = .updateProfile(try profileUpdate(reader, path: path), next: try reader.next())
        case "task":
            guard case .string(let text)? = reader.take("title"), case let title = text.trimmed, !title.isEmpty, title.count <= maximumTaskTitleLength else {
                throw invalid("\(path).title", "is required: 1 to \(maximumTaskTitleLength) characters")
            }
            let due = reader.has("due_after") ? try duration(reader.take("due_after"), path: "\(path).due_after") : 86_400
            kind = .task(JourneyTask(title: title, teamID: try reader.id("team_id", prefix: .team, required: false), dueAfterSeconds: due), next: try reader.next())
        case "note":
            guard case .string(let text)? = reader.take("text"), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= maximumNoteLength else {
                throw invalid("\(path).text", "is required: 1 to \(maximumNoteLength) characters")
            }
            let inboxID = try reader.id("inbox_id", prefix: .inbox, required: true)!
            kind = .note(JourneyNote(text: text, inboxID: inboxID), next: try reader.next())
        case "assign":
            kind = .assign(teamID: try reader.id("team_id", prefix: .team, required: true)!, next: try reader.next())
        case "webhook":
            // An outgoing webhook of the workspace's: its address, checked when it was made, and its signing secret.
            kind = .webhook(webhookID: try reader.id("webhook_id", prefix: .webhookSubscription, required: true)!, next: try reader.next())
        case "survey":
            guard case .string(let text)? = reader.take("kind"), let survey = SurveyKind(rawValue: text) else {
                throw invalid("\(path).kind", "is required: \(SurveyKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = .survey(survey, next: try reader.next())
        case "exit":
            kind = .exit
        default:
            throw invalid("\(path).type", "must be one of \(stepTypes.joined(separator: ", "))")
        }
        try reader.finish()
        return kind
    }

    private static func branch(_ json: JSONValue, path: String) throws -> JourneyBranch {
        guard case .object(let object) = json, let condition = object["condition"] else {
            throw invalid(path, "must be `{\"condition\": {…the segment language…}, \"next\": \"…\"}`")
        }
        let reader = JourneyStepFields(object, path: path)
        _ = reader.take("condition")
        let branch = JourneyBranch(condition: try SegmentDefinitionParser.parse(condition, path: "\(path).condition"), next: try reader.next())
        try reader.finish()
        return branch
    }

    private static func split(_ json: JSONValue?, path: String) throws -> [JourneySplitPath] {
        guard case .array(let items)? = json, (2...maximumSplitPaths).contains(items.count) else {
            throw invalid(path, "is required: 2 to \(maximumSplitPaths) paths, each `{\"share\": 0.5, \"next\": \"…\"}`, the shares adding up to 1")
        }
        let paths = try items.enumerated().map { index, item -> JourneySplitPath in
            let itemPath = "\(path)[\(index)]"
            guard case .object(let object) = item, case .number(let share)? = object["share"], share.isFinite, share > 0, share <= 1 else {
                throw invalid("\(itemPath).share", "must be a number above 0 and at most 1")
            }
            let reader = JourneyStepFields(object, path: itemPath)
            _ = reader.take("share")
            let found = JourneySplitPath(share: share, next: try reader.next())
            try reader.finish()
            return found
        }
        guard abs(paths.reduce(0) { $0 + $1.share } - 1) < 1e-9 else { throw invalid(path, "shares must add up to 1") }
        return paths
    }

    private static func send(_ reader: JourneyStepFields, path: String, checkingContent: Bool) throws -> JourneySend {
        guard case .string(let name)? = reader.take("channel"), let channel = CampaignChannel(rawValue: name) else {
            throw invalid("\(path).channel", "must be email, sms or whatsapp")
        }
        let inboxID = try reader.id("inbox_id", prefix: .inbox, required: true)!
        let content = try CampaignDefinitionParser.content(reader.take("content"), channel: channel, path: "\(path).content", checking: checkingContent)
        let locale = try CampaignDefinitionParser.defaultLocale(reader.take("default_locale"), among: content, path: "\(path).default_locale")
        let marketing = try flag(reader.take("marketing"), path: "\(path).marketing") ?? true
        return JourneySend(channel: channel, inboxID: inboxID, content: content, defaultLocale: locale, isMarketing: marketing)
    }

    private static func profileUpdate(_ reader: JourneyStepFields, path: String) throws -> JourneyProfileUpdate {
        func tags(_ name: String) throws -> [String] {
            switch reader.take(name) {
            case nil, .null?: return []
            case .array(let items)?:
                let texts = try items.enumerated().map { index, item -> String in
                    guard case .string(let text) = item else { throw invalid("\(path).\(name)[\(index)]", "must be a tag") }
                    return text
                }
                switch ProfileRules.canonicalTags(texts, field: "\(path).\(name)") {
                case .success(let canonical): return canonical
                case .failure(let error): throw error
                }
            default: throw invalid("\(path).\(name)", "must be a list of tags")
            }
        }
        let update = JourneyProfileUpdate(addTags: try tags("add_tags"), removeTags: try tags("remove_tags"), attributes: try attributes(reader.take("attributes"), path: "\(path).attributes"))
        guard !update.addTags.isEmpty || !update.removeTags.isEmpty || !update.attributes.isEmpty else {
            throw invalid(path, "changes nothing: give `add_tags`, `remove_tags` or `attributes`")
        }
        return update
    }

    private static func attributes(_ json: JSONValue?, path: String) throws -> [String: String] {
        switch json {
        case nil, .null?: return [:]
        case .object(let object)? where object.count <= ProfileRules.maximumAttributes:
            var attributes: [String: String] = [:]
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                guard ProfileRules.isAttributeKey(key) else {
                    throw invalid("\(path).\(key.prefix(64))", "keys are 1 to 64 characters of a-z, 0-9 and _, starting with a letter")
                }
                guard case .string(let text) = value, text.count <= 1_000 else { throw invalid("\(path).\(key)", "must be text of at most 1000 characters") }
                attributes[key] = text
            }
            return attributes
        default:
            throw invalid(path, "must be an object of at most \(ProfileRules.maximumAttributes) attributes, each a text")
        }
    }

    static func isKey(_ key: String) -> Bool {
        (1...maximumKeyLength).contains(key.count) && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}
