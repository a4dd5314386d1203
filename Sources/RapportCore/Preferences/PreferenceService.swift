import Foundation

/// A customer's own say, without a password: links signed with the installation's key open
/// their preference centre (consent per purpose and channel, how often, a pause) or
/// unsubscribe them from marketing e-mail in one step (RFC 8058). What they choose is
/// recorded with the `preference_centre` source and the address and browser Rapport saw.
public struct PreferenceService: Sendable {
    /// How long a preference centre link opens the page.
    public static let preferencesLifetime: TimeInterval = 30 * 86_400
    /// How long an unsubscribe link works: as long as an old e-mail may still be opened.
    public static let unsubscribeLifetime: TimeInterval = 365 * 86_400
    /// The longest pause a customer can choose.
    public static let maximumPauseDays = 365
    /// The actor recorded for what a customer does themselves.
    static let customerActor = "customer"
    /// The subject of an unsubscribe e-mail, before the token (`List-Unsubscribe`'s `mailto:`).
    public static let unsubscribeSubjectPrefix = "unsubscribe "

    private let consents: ConsentService
    let customers: CustomerService
    let loyalty: LoyaltyService
    let signer: any LinkSigner
    var context: CoreContext { customers.context }

    public init(consents: ConsentService, customers: CustomerService, loyalty: LoyaltyService, signer: any LinkSigner) {
        self.consents = consents
        self.customers = customers
        self.loyalty = loyalty
        self.signer = signer
    }

    /// New links for a customer's messages. Needs `editCustomers` (an integration sending a
    /// campaign, or a user).
    public func links(customerID: String, as actor: Actor) async throws -> PreferenceLinks {
        try actor.require(.editCustomers)
        let (customer, inboxes) = try await context.store.read { session in
            (try await customers.liveCustomer(id: customerID, workspaceID: actor.workspaceID, session: session),
             try await session.inboxes.inboxes(workspaceID: actor.workspaceID))
        }
        let now = context.clock.now()
        let preferences = PreferenceToken(
            scope: .preferences, workspaceID: actor.workspaceID, subjectID: customer.id, expiresAt: now + Self.preferencesLifetime)
        let unsubscribe = PreferenceToken(
            scope: .unsubscribe, workspaceID: actor.workspaceID, subjectID: customer.id, expiresAt: now + Self.unsubscribeLifetime)
        return PreferenceLinks(
            preferences: preferences.text(signedBy: signer), preferencesExpireAt: preferences.expiresAt,
            unsubscribe: unsubscribe.text(signedBy: signer), unsubscribeExpiresAt: unsubscribe.expiresAt,
            mailbox: inboxes.first { $0.channel == .email && $0.address != nil }?.address)
    }

    /// The token an e-mail's subject carries when it asks to unsubscribe (`unsubscribe TOKEN`).
    public static func unsubscribeToken(inSubject subject: String?) -> String? {
        guard let subject = subject?.trimmingCharacters(in: .whitespaces), subject.lowercased().hasPrefix(unsubscribeSubjectPrefix) else {
            return nil
        }
        let token = subject.dropFirst(unsubscribeSubjectPrefix.count).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The preference centre a link opens.
    public func centre(token text: String) async throws -> PreferenceCentre {
        let token = try PreferenceToken.read(text, scope: .preferences, signer: signer, now: context.clock.now())
        return try await context.store.read { session in try await centre(of: token, session: session) }
    }

    /// Saves what the customer ticked: a pair ticked that was not granted is granted, a pair
    /// granted and no longer ticked is withdrawn, the rest stays as it was (an unknown answer
    /// is not turned into a no by not ticking it). Frequency and pause are saved with it, in
    /// one transaction.
    public func save(token text: String, choices: PreferenceChoices, witness: ConsentWitness) async throws -> PreferenceCentre {
        let now = context.clock.now()
        let token = try PreferenceToken.read(text, scope: .preferences, signer: signer, now: now)
        if let days = choices.pauseDays, !(0...Self.maximumPauseDays).contains(days) {
            throw RapportError.invalid(field: "pause_days", "must be between 0 and \(Self.maximumPauseDays)")
        }
        return try await context.write { transaction in
            let session = transaction.session
            let shown = try await centre(of: token, session: session)
            for purpose in shown.purposes {
                for channel in shown.channels {
                    let pair = PreferenceChoices.Pair(purpose: purpose, channel: channel)
                    let ticked = choices.granted.contains(pair)
                    guard ticked != shown.grants(purpose, by: channel) else { continue }
                    _ = try await consents.change(
                        ConsentInput(
                            purpose: purpose.rawValue, channel: channel.rawValue, status: ticked ? "granted" : "withdrawn",
                            text: choices.wording[pair]),
                        source: .preferenceCentre, customerID: token.subjectID, witness: witness, actor: Self.customerActor,
                        workspaceID: token.workspaceID, in: transaction)
                }
            }
            // No choice keeps the pause there is; 0 ends it.
            let pause = choices.pauseDays.map { $0 > 0 ? now + TimeInterval($0) * 86_400 : nil } ?? shown.preferences.pausedUntil
            try await session.preferences.save(ContactPreferences(
                customerID: shown.customerID, workspaceID: token.workspaceID, frequency: choices.frequency, pausedUntil: pause, updatedAt: now))
            if pause != shown.preferences.pausedUntil {
                transaction.touchSegments(
                    of: [shown.customerID], workspaceID: token.workspaceID, facets: [.consent], reason: SegmentChangeReason(rawValue: "preferences.changed"))
            }
            return try await centre(of: token, session: session)
        }
    }

    /// Withdraws marketing e-mail at once: what an unsubscribe link does, by its one-click
    /// POST or by the button on its page.
    public func unsubscribe(token text: String, witness: ConsentWitness, wording: String, sendID: String? = nil) async throws {
        let token = try PreferenceToken.read(text, scope: .unsubscribe, signer: signer, now: context.clock.now())
        try await context.write { transaction in
            // The campaign e-mail the link came in counts the unsubscribe, when the send is this
            // customer's (the send id is not signed: any other is ignored).
            if let sendID, ResourceID.isValid(sendID, prefix: .campaignSend),
                let send = try await transaction.session.campaigns.send(id: sendID, workspaceID: token.workspaceID), send.customerID == token.subjectID
            {
                try await transaction.session.campaigns.recordFeedback(.unsubscribe, sendID: send.id, at: transaction.now)
            }
            _ = try await consents.change(
                ConsentInput(purpose: ConsentPurpose.marketing.rawValue, channel: ConsentChannel.email.rawValue, status: "withdrawn", text: wording),
                source: .preferenceCentre, customerID: token.subjectID, witness: witness, actor: Self.customerActor,
                workspaceID: token.workspaceID, in: transaction)
        }
    }

    /// The first name a link's page greets with (an unsubscribe page says whose address it is).
    public func firstName(unsubscribeToken text: String) async throws -> String? {
        let token = try PreferenceToken.read(text, scope: .unsubscribe, signer: signer, now: context.clock.now())
        return try await context.store.read { session in
            try await customers.liveCustomerOrSurvivor(id: token.subjectID, workspaceID: token.workspaceID, session: session).profile.firstName
        }
    }

    private func centre(of token: PreferenceToken, session: any StoreSession) async throws -> PreferenceCentre {
        let customer = try await customers.liveCustomerOrSurvivor(id: token.subjectID, workspaceID: token.workspaceID, session: session)
        let states = ConsentState.states(from: try await session.consents.history(customerID: customer.id, workspaceID: token.workspaceID))
        let reachable = Set(customer.identities.flatMap { ConsentChannel.reaching($0.kind) })
        let answered = Set(states.map(\.channel))
        let channels = ConsentChannel.allCases.filter { reachable.contains($0) || answered.contains($0) }
        var purposes = ConsentPurpose.standard
        for state in states where !purposes.contains(state.purpose) { purposes.append(state.purpose) }
        let preferences = try await session.preferences.preferences(customerID: customer.id, workspaceID: token.workspaceID)
            ?? ContactPreferences(customerID: customer.id, workspaceID: token.workspaceID, updatedAt: context.clock.now())
        return PreferenceCentre(
            customerID: customer.id, firstName: customer.profile.firstName, locale: customer.profile.locale, channels: channels,
            purposes: purposes, consents: states, preferences: preferences, now: context.clock.now())
    }
}
