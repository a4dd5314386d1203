import Foundation

/// Double opt-in for sign-up forms. A form's sign-up grants nothing: Rapport mails the address
/// a signed, expiring link, and only the person who follows it and confirms (a `POST`, so a
/// mail scanner opening the link changes nothing) is granted the consent they asked for, with
/// both halves kept as evidence: when and from where they signed up, and when and from where
/// they confirmed. A browser key may start a sign-up for any address; only the mailbox's owner
/// can finish it.
public struct SignUpService: Sendable {
    /// How long a confirmation link works.
    public static let confirmationLifetime: TimeInterval = 7 * 86_400
    /// How long an unconfirmed address is kept after its link expired, then forgotten.
    public static let unconfirmedGrace: TimeInterval = 30 * 86_400
    /// An address is mailed at most once in this window…
    public static let quietPeriod: TimeInterval = 600
    /// …and at most this many times a day, whoever keeps signing it up.
    public static let dailyMails = 3
    /// A workspace mails at most this many confirmations an hour: a public key cannot turn the
    /// store's mail server into a spam cannon.
    public static let hourlyMailsPerWorkspace = 1_000
    public static let maximumPurposes = 10
    /// What a browser key may sign up for: the standard purposes. The store's own purposes, and
    /// the form's wording, come only from a server key (a browser key is public, and its words
    /// would be shown on the store's page and in its mail).
    public static let browserPurposes: [ConsentPurpose] = [.marketing, .personalisation, .surveys, .analytics]

    private let customers: CustomerService
    private let consents: ConsentService
    private let signer: any LinkSigner
    private var context: CoreContext { customers.context }

    public init(customers: CustomerService, consents: ConsentService, signer: any LinkSigner) {
        self.customers = customers
        self.consents = consents
        self.signer = signer
    }

    /// Records a sign-up and queues its confirmation e-mail, in one transaction. An address
    /// that bounced or complained, or was signed up again too soon or too often, is recorded
    /// but not mailed; the answer is the same, so a form cannot probe which addresses are known.
    /// `trusted`: the caller is the store's own back end (a server key), whose wording and own
    /// purposes are taken; a browser key's are refused.
    public func signUp(
        _ input: SignUpInput, workspaceID: String, requestedBy: String, witness: ConsentWitness, trusted: Bool
    ) async throws -> SignUp {
        let checked = try Self.check(input, normalizer: customers.normalizer, trusted: trusted)
        return try await context.write { transaction in
            try await signUp(checked, input: input, workspaceID: workspaceID, requestedBy: requestedBy, witness: witness, in: transaction)
        }
    }

    /// A sign-up within the caller's transaction (a form's consent box, with the answers it came with).
    func signUp(
        _ input: SignUpInput, workspaceID: String, requestedBy: String, witness: ConsentWitness, trusted: Bool, in transaction: WriteTransaction
    ) async throws -> SignUp {
        let checked = try Self.check(input, normalizer: customers.normalizer, trusted: trusted)
        return try await signUp(checked, input: input, workspaceID: workspaceID, requestedBy: requestedBy, witness: witness, in: transaction)
    }

    private func signUp(
        _ checked: (String, [ConsentPurpose], String?), input: SignUpInput, workspaceID: String, requestedBy: String, witness: ConsentWitness,
        in transaction: WriteTransaction
    ) async throws -> SignUp {
        let (address, purposes, text) = checked
        let session = transaction.session
        let now = transaction.now
        let inbox = try await Self.sendingInbox(input.inboxID, workspaceID: workspaceID, session: session)
        // Two sign-ups of one address at once are counted one after the other.
        try await session.signUps.lock(address: address, workspaceID: workspaceID)
        let suppressed = !(try await session.suppressions.reasons(channel: .email, address: address, workspaceID: workspaceID)).isEmpty
        let recent = try await session.signUps.mailedCount(address: address, workspaceID: workspaceID, since: now - Self.quietPeriod)
        let today = try await session.signUps.mailedCount(address: address, workspaceID: workspaceID, since: now - 86_400)
        let hour = try await session.signUps.mailedCount(workspaceID: workspaceID, since: now - 3_600)
        let held = suppressed || recent > 0 || today >= Self.dailyMails || hour >= Self.hourlyMailsPerWorkspace
        // Wording is stored only for a sign-up that is mailed (a held one is never confirmed).
        var textHash: String?
        if let text, !held { textHash = try await session.consents.storeText(text, workspaceID: workspaceID, at: now) }
        let signUp = SignUp(
            id: ResourceID.make(.signUp, at: now), workspaceID: workspaceID, address: address, purposes: purposes, textHash: textHash,
            locale: ConsentService.clipped(input.locale, 35), inboxID: inbox.id, requestedBy: requestedBy,
            request: SignUpEvidence(
                signedUpAt: now, ipAddress: ConsentService.clipped(witness.ipAddress, 64), userAgent: ConsentService.clipped(witness.userAgent, 512)),
            expiresAt: now + Self.confirmationLifetime, status: held ? .held : .pending)
        try await session.signUps.insert(signUp)
        if !held {
            _ = try await session.jobs.enqueue([try JobRequest(SignUpMailPayload(signUpID: signUp.id, workspaceID: workspaceID), uniqueKey: signUp.id, maxAttempts: 6)], now: now)
        }
        return signUp
    }

    /// What the `sign_up.mail` job sends, or nil when there is nothing to send any more (sent,
    /// confirmed, expired, erased, its inbox gone, or the address suppressed meanwhile).
    public func mail(signUpID: String, workspaceID: String) async throws -> SignUpMail? {
        try await context.store.read { session in
            let now = context.clock.now()
            guard let signUp = try await session.signUps.signUp(id: signUpID, workspaceID: workspaceID), signUp.status == .pending,
                signUp.sentAt == nil, signUp.expiresAt > now,
                let inbox = try await session.inboxes.inbox(id: signUp.inboxID), inbox.workspaceID == workspaceID, inbox.channel == .email,
                try await session.suppressions.reasons(channel: .email, address: signUp.address, workspaceID: workspaceID).isEmpty
            else { return nil }
            let token = PreferenceToken(scope: .confirmation, workspaceID: workspaceID, subjectID: signUp.id, expiresAt: signUp.expiresAt)
            let text = try await Self.wording(of: signUp, session: session)
            return SignUpMail(signUp: signUp, inbox: inbox, token: token.text(signedBy: signer), text: text)
        }
    }

    public func mailed(signUpID: String) async throws {
        let now = context.clock.now()
        try await context.store.write { session in try await session.signUps.markSent(id: signUpID, at: now) }
    }

    /// The page a confirmation link opens. A forged or altered link is `notFound`, an expired
    /// one `gone`.
    public func page(token text: String) async throws -> SignUpPage {
        let token = try PreferenceToken.read(text, scope: .confirmation, signer: signer, now: context.clock.now())
        return try await context.store.read { session in
            let signUp = try await Self.linked(token, session: session)
            let wording = try await Self.wording(of: signUp, session: session)
            return SignUpPage(
                address: signUp.address, purposes: signUp.purposes, locale: signUp.locale, confirmed: signUp.status == .confirmed, text: wording)
        }
    }

    /// Confirms: the address becomes a proven identity of a customer (found by it, or new), and
    /// each purpose is granted on e-mail with the `form` source, the wording the form showed
    /// (or, when it sent none, `question`: what the confirmation page asked), the
    /// confirmation's address and browser, and the sign-up's. Confirming again changes nothing.
    public func confirm(token text: String, witness: ConsentWitness, question: String) async throws -> SignUpPage {
        let token = try PreferenceToken.read(text, scope: .confirmation, signer: signer, now: context.clock.now())
        let prepared = try await context.store.read { session in
            let signUp = try await Self.linked(token, session: session)
            return try customers.prepare(
                CustomerInput(identities: [IdentityInput(.email, value: signUp.address)]), field: nil, provenance: .proven)
        }
        let clipped = ConsentWitness(
            ipAddress: ConsentService.clipped(witness.ipAddress, 64), userAgent: ConsentService.clipped(witness.userAgent, 512))
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            let signUp = try await Self.linked(token, session: session)
            let wording = try await Self.wording(of: signUp, session: session)
            let page = SignUpPage(address: signUp.address, purposes: signUp.purposes, locale: signUp.locale, confirmed: true, text: wording)
            // Claimed first: a second confirmation at the same time waits here, then finds it done.
            guard try await session.signUps.confirm(id: signUp.id, witness: clipped, at: transaction.now) else { return page }
            var batch = UpsertBatch(service: customers, transaction: transaction, workspaceID: token.workspaceID, actor: PreferenceService.customerActor)
            let customer = try await batch.run([prepared])[0].customer
            for purpose in signUp.purposes {
                _ = try await consents.change(
                    ConsentInput(
                        purpose: purpose.rawValue, channel: ConsentChannel.email.rawValue, status: ConsentStatus.granted.rawValue,
                        text: wording ?? question),
                    source: .form, customerID: customer.id, witness: witness, actor: PreferenceService.customerActor,
                    workspaceID: token.workspaceID, signUp: signUp.request, in: transaction)
            }
            try await session.signUps.setCustomer(id: signUp.id, customerID: customer.id)
            try await LoyaltyService.welcome(customerID: customer.id, workspaceID: token.workspaceID, in: transaction)
            return page
        }
    }

    /// The words the form showed, as stored.
    private static func wording(of signUp: SignUp, session: any StoreSession) async throws -> String? {
        guard let hash = signUp.textHash else { return nil }
        return try await session.consents.text(hash: hash, workspaceID: signUp.workspaceID)
    }

    /// The sign-up a valid token names; one never mailed (held) cannot be confirmed.
    private static func linked(_ token: PreferenceToken, session: any StoreSession) async throws -> SignUp {
        guard let signUp = try await session.signUps.signUp(id: token.subjectID, workspaceID: token.workspaceID), signUp.status != .held else {
            throw RapportError.notFound("This link is not valid. Sign up again on the store's site.")
        }
        return signUp
    }

    /// The inbox a confirmation is sent from: the one named, or the workspace's first e-mail
    /// inbox with an address.
    private static func sendingInbox(_ id: String?, workspaceID: String, session: any StoreSession) async throws -> Inbox {
        let inboxes = try await session.inboxes.inboxes(workspaceID: workspaceID).filter { $0.channel == .email && $0.address != nil }
        if let id {
            guard let inbox = inboxes.first(where: { $0.id == id }) else {
                throw RapportError.invalid(field: "inbox_id", "must name an e-mail inbox of this workspace that has an address")
            }
            return inbox
        }
        guard let inbox = inboxes.first else {
            throw RapportError.conflict("The workspace has no e-mail inbox to send the confirmation from; add one first.")
        }
        return inbox
    }

    /// The address, normalised; the purposes (marketing when none); the wording, if any.
    static func check(_ input: SignUpInput, normalizer: IdentityNormalizer, trusted: Bool) throws -> (String, [ConsentPurpose], String?) {
        var errors: [FieldError] = []
        var address = ""
        switch normalizer.normalize(IdentityInput(.email, value: input.email), field: "email") {
        case .success(let identity): address = identity.value
        case .failure(.invalid(let problems)): errors += problems.map { FieldError(field: "email", message: $0.message) }
        case .failure(let other): throw other
        }
        var purposes: [ConsentPurpose] = []
        for (index, name) in (input.purposes.isEmpty ? ["marketing"] : input.purposes).enumerated() {
            guard ConsentPurpose.isValid(name) else {
                errors.append(FieldError(field: "purposes[\(index)]", message: "must be 1 to 40 characters of a-z, 0-9 and _"))
                continue
            }
            let purpose = ConsentPurpose(rawValue: name)
            guard trusted || browserPurposes.contains(purpose) else {
                errors.append(FieldError(
                    field: "purposes[\(index)]",
                    message: "a browser key may sign up for \(browserPurposes.map(\.rawValue).joined(separator: ", ")); the store's own purposes need a server key"))
                continue
            }
            if !purposes.contains(purpose) { purposes.append(purpose) }
        }
        if purposes.count > maximumPurposes { errors.append(FieldError(field: "purposes", message: "must name at most \(maximumPurposes)")) }
        let text = input.text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if text != nil, !trusted {
            errors.append(FieldError(
                field: "text", message: "only a server key may state the form's wording; a browser key's sign-up keeps the question the person confirms"))
        }
        if let text, text.count > ConsentService.maximumTextLength {
            errors.append(FieldError(field: "text", message: "must be at most \(ConsentService.maximumTextLength) characters"))
        }
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        return (address, purposes, text)
    }
}
