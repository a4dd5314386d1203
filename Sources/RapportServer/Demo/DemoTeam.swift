import Foundation
import RapportCore

/// The people and inboxes of the demo store: one user per role (passwords generated and
/// printed once), a support team, a web chat, an SMS number, a support mailbox and the Berlin
/// store, and open conversations from customers who texted or wrote to the shop.
public struct DemoTeam: Sendable {
    public var conversations = 40
    public var emails = 10
    /// The SMTP server (without TLS) the demo mailbox sends replies through.
    public var smtpHost: String
    public var smtpPort: Int

    public init(smtpHost: String = "127.0.0.1", smtpPort: Int = 2525) {
        self.smtpHost = smtpHost
        self.smtpPort = smtpPort
    }

    public struct Credentials: Sendable {
        public var role: UserRole
        public var email: String
        public var password: String
    }

    static let questions = [
        "Hi, where is my order? It was supposed to arrive yesterday.",
        "Can I still change the delivery address for my last order?",
        "The mug arrived broken. How do I return it?",
        "Do you have the linen shirt in size L again?",
        "I was charged twice for my order, can you check?",
        "Is the Berlin store open on Sunday?",
        "Halo, pesanan saya belum sampai. Bisa dicek?",
        "Thanks, the package arrived! One more question about sizes.",
    ]

    public func fill(services: AppServices, workspaceID: String) async throws -> [Credentials] {
        let actor = Actor.operator(workspaceID: workspaceID)
        var credentials: [Credentials] = []
        var users: [UserRole: User] = [:]
        for role in UserRole.allCases {
            let email = "\(role.rawValue)@demo.rapport.test"
            let (user, password) = try await services.users.create(
                email: email, name: "Demo \(role.rawValue.capitalized)", role: role, password: nil, as: actor)
            users[role] = user
            credentials.append(Credentials(role: role, email: email, password: password ?? ""))
        }
        let support = try await services.inboxes.createTeam(
            name: "Support", memberIDs: [users[.agent], users[.manager]].compactMap { $0?.id }, as: actor)
        let policy = try await services.inboxes.createSLAPolicy(
            name: "Standard", firstResponseSeconds: 4 * 3600, nextResponseSeconds: 8 * 3600, resolutionSeconds: 3 * 86_400,
            businessHours: BusinessHours(timeZone: "Europe/Berlin", days: Dictionary(uniqueKeysWithValues: (2...6).map {
                ($0, BusinessHours.Window(start: 9 * 60, end: 18 * 60))
            })), as: actor)
        let chat = try await services.inboxes.createInbox(
            channel: .webchat, name: "Shop chat", settings: ["identity_secret": RandomSecret.make(prefix: "")], teamID: support.id,
            slaPolicyID: policy.id, as: actor)
        _ = try await services.inboxes.createInbox(channel: .store, name: "Berlin store", settings: ["location": "Berlin"], as: actor)
        let sms = try await services.inboxes.createInbox(
            channel: .sms, name: "SMS",
            settings: ["account_sid": "ACdemo", "auth_token": RandomSecret.make(prefix: ""), "phone_number": "+4930901820"],
            teamID: support.id, slaPolicyID: policy.id, as: actor)
        _ = try await services.inboxes.createCannedResponse(
            shortCode: "shipped",
            content: "Hi {{customer.first_name}}, your order {{order.number}} is on its way: {{order.tracking_url}}",
            as: actor)
        let mailbox = try await services.inboxes.createInbox(
            channel: .email, name: "Support e-mail",
            settings: [
                "address": "support@demo.rapport.test", "smtp_host": smtpHost, "smtp_port": String(smtpPort), "smtp_security": "none",
                "smtp_timeout_seconds": "10", "inbound_token": RandomSecret.make(prefix: ""),
            ],
            teamID: support.id, slaPolicyID: policy.id, as: actor)
        try await writeEmails(services: services, mailbox: mailbox, workspaceID: workspaceID)
        var written = 0
        var cursor: String?
        while written < conversations {
            let page = try await services.customers.list(query: nil, page: try PageRequest(limit: 100, startingAfter: cursor), as: .system("demo", workspaceID: workspaceID))
            for customer in page.items where written < conversations {
                guard let phone = customer.identities.first(where: { $0.kind == .phone })?.value else { continue }
                let text = Self.questions[written % Self.questions.count]
                _ = try await services.conversations.receive(
                    ChannelPayload(messages: [InboundMessage(providerMessageID: "SMdemo\(written)", from: phone, kind: .text, text: text)]),
                    inbox: sms)
                written += 1
            }
            guard page.hasMore, let last = page.items.last else { break }
            cursor = last.id
        }
        let answering = [users[.agent], users[.manager]].compactMap { $0 }
        try await DemoHistory().write(services: services, sms: sms, team: support, agents: answering, skipping: written, workspaceID: workspaceID)
        try await DemoBot().setUp(services: services, chatInboxID: chat.id, workspaceID: workspaceID)
        return credentials
    }

    /// Customers asking by e-mail about their latest order, by its number.
    private func writeEmails(services: AppServices, mailbox: Inbox, workspaceID: String) async throws {
        var written = 0
        let page = try await services.commerce.orders(filter: OrderFilter(), page: try PageRequest(limit: 100), as: .operator(workspaceID: workspaceID))
        var asked = Set<String>()
        for order in page.items where written < emails && !asked.contains(order.customerID) {
            asked.insert(order.customerID)
            let customer = try await services.customers.customers(ids: [order.customerID], as: .operator(workspaceID: workspaceID)).first
            guard let email = customer?.identities.first(where: { $0.kind == .email })?.value else { continue }
            _ = try await services.conversations.receive(
                ChannelPayload(messages: [InboundMessage(
                    providerMessageID: "<demo-\(written)@mail.demo.rapport.test>", from: email,
                    fromName: customer.map { WebFormat.customerName($0) }, kind: .text,
                    text: "Hello, could you tell me when order \(order.number) will arrive? Thanks!", subject: "Order \(order.number)")]),
                inbox: mailbox)
            written += 1
        }
    }
}
