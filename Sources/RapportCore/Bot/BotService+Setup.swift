import Foundation
import RapportLearning

/// Setting the bot up: its settings, its intents (each save a new, retrained version) and
/// trying a message without a customer seeing anything. Managers and admins only.
extension BotService {
    /// The most examples one intent may have, and intents one workspace may have.
    static let maximumExamples = 500
    static let maximumIntents = 100

    /// Whether the bot can take a channel's conversations: written ones, not calls or store visits.
    public static func answers(_ channel: InboxChannel) -> Bool {
        ![.voice, .store].contains(channel)
    }

    public func settings(as actor: Actor) async throws -> BotSettings {
        try actor.require(.manageBot)
        return try await store.read { session in try await session.bot.settings(workspaceID: actor.workspaceID) ?? BotSettings() }
    }

    /// Saves the settings; the pending conversations of inboxes the bot no longer answers go
    /// to people (opened and routed).
    public func saveSettings(_ settings: BotSettings, as actor: Actor) async throws {
        try actor.require(.manageBot)
        let settingsProblems = settings.problems()
        try await context.write { transaction in
            let session = transaction.session
            var problems = settingsProblems
            let inboxes = Dictionary(
                try await session.inboxes.inboxes(workspaceID: actor.workspaceID).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (index, id) in settings.inboxIDs.enumerated() {
                if let inbox = inboxes[id] {
                    if !Self.answers(inbox.channel) {
                        problems.append(FieldError(field: "inbox_ids[\(index)]", message: "is a \(inbox.channel.rawValue) inbox; the bot answers written messages only"))
                    }
                } else {
                    problems.append(FieldError(field: "inbox_ids[\(index)]", message: "names no inbox of this workspace"))
                }
            }
            guard problems.isEmpty else { throw RapportError.invalid(problems) }
            var cleaned = settings
            cleaned.vipTag = settings.vipTag.trimmed.lowercased()
            cleaned.nonReturnableWords = settings.nonReturnableWords.map(\.trimmed).filter { !$0.isEmpty }
            let before = try await session.bot.settings(workspaceID: actor.workspaceID)?.inboxIDs ?? []
            let switchedOff = before.filter { !settings.inboxIDs.contains($0) }.compactMap { inboxes[$0] }
            try await session.bot.save(cleaned, workspaceID: actor.workspaceID, at: clock.now())
            try await BotHandoff.handOffPending(inboxes: switchedOff, in: transaction)
            try await transaction.audit(AuditRecord(.settingsChanged, details: ["setting": "bot"]), by: actor)
        }
    }

    /// The intents the bot uses now (the built-in set, version 0, until someone saves).
    public func intentSet(as actor: Actor) async throws -> BotIntentSet {
        try actor.require(.manageBot)
        return try await store.read { session in try await intentSet(workspaceID: actor.workspaceID, session: session) }
    }

    /// Saved versions, newest first.
    public func intentSets(as actor: Actor) async throws -> [BotIntentSet] {
        try actor.require(.manageBot)
        return try await store.read { session in try await session.bot.intentSets(workspaceID: actor.workspaceID, limit: 50) }
    }

    /// Saves the intents as a new version and trains it; returns the version and how long
    /// training took. Built-in intents may be edited but not removed (the bot's work is
    /// attached to their names).
    public func saveIntents(_ intents: [BotIntent], as actor: Actor) async throws -> (set: BotIntentSet, trainingSeconds: Double) {
        try actor.require(.manageBot)
        let cleaned = intents.map { intent in
            BotIntent(
                name: intent.name.trimmed.lowercased(), examples: intent.examples.map(\.trimmed).filter { !$0.isEmpty },
                answer: intent.answer.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 })
        }
        try Self.check(cleaned)
        let set: BotIntentSet = try await context.retryingConflicts {
            try await store.write { session in
                let latest = try await session.bot.latestIntentSet(workspaceID: actor.workspaceID)
                let set = BotIntentSet(
                    workspaceID: actor.workspaceID, version: (latest?.version ?? 0) + 1, intents: cleaned, createdBy: actor.label,
                    createdAt: clock.now())
                try await session.bot.insert(set)
                try await session.audit.append(
                    AuditRecord(.settingsChanged, details: ["setting": "bot_intents", "version": String(set.version)]), by: actor, at: set.createdAt)
                return set
            }
        }
        let started = ContinuousClock.now
        _ = await models.classifier(for: set)
        return (set, (ContinuousClock.now - started).inSeconds)
    }

    /// Makes an earlier version current again (saved as a new version).
    public func restoreIntents(version: Int, as actor: Actor) async throws -> BotIntentSet {
        try actor.require(.manageBot)
        let earlier: BotIntentSet? = try await store.read { session in
            version == 0 ? .builtIn(workspaceID: actor.workspaceID) : try await session.bot.intentSet(workspaceID: actor.workspaceID, version: version)
        }
        guard let earlier else { throw RapportError.notFound("No version \(version) of the intents.") }
        return try await saveIntents(earlier.withBuiltInsAdded().intents, as: actor).set
    }

    static func check(_ intents: [BotIntent]) throws {
        var problems: [FieldError] = []
        let names = intents.map(\.name)
        for missing in BuiltInIntents.names where !names.contains(missing) {
            problems.append(FieldError(field: "intents", message: "must keep the built-in intent \(missing)"))
        }
        if intents.count > maximumIntents { problems.append(FieldError(field: "intents", message: "at most \(maximumIntents)")) }
        var seen: Set<String> = []
        for intent in intents {
            let field = "intents.\(intent.name.prefix(50))"
            let validName = (1...50).contains(intent.name.count)
                && intent.name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            if !validName { problems.append(FieldError(field: field, message: "the name must be 1 to 50 characters of a-z, 0-9 and _")) }
            if !seen.insert(intent.name).inserted { problems.append(FieldError(field: field, message: "appears twice")) }
            if intent.examples.count < 2 { problems.append(FieldError(field: field, message: "needs at least 2 examples")) }
            if intent.examples.count > maximumExamples { problems.append(FieldError(field: field, message: "at most \(maximumExamples) examples")) }
            if intent.examples.contains(where: { $0.count > 300 }) {
                problems.append(FieldError(field: field, message: "examples are at most 300 characters"))
            }
            let custom = !BuiltInIntents.all.contains { $0.name == intent.name }
            if custom && intent.answer == nil {
                problems.append(FieldError(field: field, message: "a store's own intent needs the answer the bot gives"))
            }
            if let answer = intent.answer, answer.count > 2000 {
                problems.append(FieldError(field: field, message: "the answer is at most 2000 characters"))
            }
        }
        guard problems.isEmpty else { throw RapportError.invalid(problems) }
    }

    /// What the bot would make of a message: intent, confidence, entities, sentiment and
    /// the help-centre passage. Nothing is sent or stored.
    public func tryMessage(_ text: String, as actor: Actor) async throws -> BotAnalysis {
        try actor.require(.manageBot)
        guard !text.trimmed.isEmpty, text.count <= 2000 else {
            throw RapportError.invalid(field: "text", "must be 1 to 2000 characters")
        }
        return try await analyze(text, workspaceID: actor.workspaceID)
    }

    /// How the bot did for conversations it started in `[from, to)`.
    public func dashboard(from: Date, to: Date, as actor: Actor) async throws -> BotDashboard {
        try actor.require(.viewDashboard)
        let counts = try await store.read { session in try await session.bot.outcomes(workspaceID: actor.workspaceID, from: from, to: to) }
        return BotDashboard(counts: counts)
    }
}
