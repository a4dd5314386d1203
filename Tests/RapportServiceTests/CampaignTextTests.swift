import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// SMS and WhatsApp campaigns on both engines: the address each channel sends to, the consent
/// gate on the channel, the text each recipient gets; quiet hours in the recipient's zone
/// (profile, else phone number, else the inbox's `time_zone`) and sending at a local time.
/// The transport here records; `CampaignTextTransportTests` checks the providers' requests.
@Suite("Campaigns on SMS and WhatsApp, quiet hours and local time")
struct CampaignTextTests {
    /// Hands over what it is given, answering sent for each.
    final class RecordingTextTransport: CampaignTextTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var handed: [CampaignTextMessage] = []

        var messages: [CampaignTextMessage] { lock.withLock { handed } }

        func deliver(_ messages: [CampaignTextMessage], through inbox: Inbox, deadline: Duration) async -> [CampaignDeliveryOutcome] {
            lock.withLock { handed += messages }
            return messages.map { .sent(messageID: "SM\($0.sendID)") }
        }
    }

    /// A customer with a phone number (and a WhatsApp id when given), a profile zone and
    /// locale when given, and marketing consent on `channel` when `consent`.
    static func customer(
        _ services: Services, phone: String, whatsApp: String? = nil, firstName: String? = nil, timeZone: String? = nil, locale: String? = nil,
        consent: Bool = true, channel: String = "sms", actor: Actor
    ) async throws -> String {
        var identities = [IdentityInput(kind: "phone", value: phone)]
        if let whatsApp { identities.append(IdentityInput(kind: "whatsapp", value: whatsApp)) }
        let id = try await services.customers.upsert(
            CustomerInput(identities: identities, firstName: firstName, locale: locale, timezone: timeZone), as: actor
        ).customer.id
        if consent {
            _ = try await services.consents.record(
                ConsentInput(purpose: "marketing", channel: channel, status: "granted", source: "form"), customerID: id, witness: ConsentWitness(), as: actor)
        }
        return id
    }

    static func campaign(_ services: Services, channel: CampaignChannel, inbox: Inbox, segment: String, extra: String = "", content: String, actor: Actor)
        async throws -> Campaign
    {
        try await services.campaigns.create(
            CampaignDraft(
                name: "Texts \(UUID().uuidString.prefix(6))", channel: channel, inboxID: inbox.id,
                definition: try JSONParser.parse(Array("""
                    {"audience":{"segment_ids":["\(segment)"]},"holdout_share":0\(extra),"content":\(content)}
                    """.utf8))),
            as: actor)
    }

    static func list(_ services: Services, _ members: [String], actor: Actor) async throws -> String {
        let list = try await services.segments.create(SegmentDraft(name: "List \(UUID().uuidString.prefix(6))", kind: .list), as: actor)
        _ = try await services.segments.addToList(id: list.id, customerIDs: members, as: actor)
        return list.id
    }

    /// A sender whose text messages `texts` records.
    static func sender(_ services: Services, store: SQLDataStore, texts: RecordingTextTransport?) -> CampaignDispatcher {
        CampaignDispatcher(
            campaigns: services.campaigns, transport: CampaignAudienceTests.RecordingTransport(), textTransport: texts, signer: store.linkSigner,
            links: CampaignAudienceTests.Links())
    }

    /// A workspace with an SMS inbox, and a sender whose messages are recorded.
    static func smsWorld(_ store: SQLDataStore) async throws -> (Services, Actor, Inbox, RecordingTextTransport, CampaignDispatcher) {
        let services = try await Services.make(on: store)
        let texts = RecordingTextTransport()
        return (
            services, Actor.operator(workspaceID: services.workspaceID), try await ConversationTests.smsInbox(services), texts,
            Self.sender(services, store: store, texts: texts)
        )
    }

    static func drain(_ sender: CampaignDispatcher, rounds: Int = 10) async throws {
        for _ in 0..<rounds { _ = try await sender.runDue() }
    }

    @Test("an SMS campaign goes to phone numbers with SMS consent, personalised and ending with the way out; quiet hours in the profile's zone hold a recipient until their morning", arguments: TestDatabase.available)
    func smsWithQuietHours(database: TestDatabase) async throws {
        try await database.withStore { store in
            // The clock: Monday 2026-09-21 14:13 UTC, 16:13 in Berlin, 23:13 in Tokyo.
            let (services, actor, inbox, texts, sender) = try await Self.smsWorld(store)
            let berlin = try await Self.customer(services, phone: "+4915112345678", firstName: "Anna", actor: actor)
            let tokyo = try await Self.customer(services, phone: "+4915187654321", firstName: "Ken", timeZone: "Asia/Tokyo", actor: actor)
            let indonesian = try await Self.customer(services, phone: "+4915100000003", firstName: "Sari", locale: "id", actor: actor)
            let refused = try await Self.customer(services, phone: "+4915100000004", consent: false, actor: actor)
            let mailOnly = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "m@example.com")]), as: actor).customer.id
            let segment = try await Self.list(services, [berlin, tokyo, indonesian, refused, mailOnly], actor: actor)
            let campaign = try await Self.campaign(
                services, channel: .sms, inbox: inbox, segment: segment,
                extra: #","default_locale":"en""#,
                content: #"{"en":{"text":"Hi {{customer.first_name | default: \"there\"}}, 20% off today."},"id":{"text":"Halo {{customer.first_name}}, diskon 20%."}}"#,
                actor: actor)
            _ = try await services.campaigns.send(id: campaign.id, as: actor)
            try await Self.drain(sender)

            let stats = try await services.campaigns.stats(id: campaign.id, as: actor)
            #expect(stats.skipped[.noConsent] == 1 && stats.skipped[.noAddress] == 1, "\(stats)")
            #expect(stats.sent == 2 && stats.pending == 1, "Tokyo's message waits for the morning: \(stats)")
            let byAddress = Dictionary(uniqueKeysWithValues: texts.messages.map { ($0.address, $0.text ?? "") })
            #expect(byAddress["+4915112345678"] == "Hi Anna, 20% off today.\nReply STOP to opt out")
            #expect(byAddress["+4915100000003"] == "Halo Sari, diskon 20%.\nBalas STOP untuk berhenti")
            #expect(byAddress["+4915187654321"] == nil)
            #expect(try await services.campaigns.find(id: campaign.id, as: actor).status == .sending)

            // 08:00 in Tokyo is 23:00 UTC: a minute before, still nothing; a minute after, it goes.
            services.clock.advance(by: 8 * 3_600 + 45 * 60)
            try await Self.drain(sender)
            #expect(texts.messages.count == 2)
            services.clock.advance(by: 2 * 60)
            try await Self.drain(sender)
            #expect(texts.messages.count == 3 && texts.messages.last?.address == "+4915187654321")
            #expect(try await services.campaigns.find(id: campaign.id, as: actor).status == .sent)

            // Twilio's status callbacks name the sids: delivered and undelivered mark the sends.
            let sids = Dictionary(uniqueKeysWithValues: texts.messages.map { ($0.address, "SM\($0.sendID)") })
            _ = try await services.conversations.receive(
                ChannelPayload(deliveries: [
                    DeliveryUpdate(providerMessageID: try #require(sids["+4915112345678"]), status: .delivered),
                    DeliveryUpdate(providerMessageID: try #require(sids["+4915100000003"]), status: .failed, failureReason: "30003"),
                ]), inbox: inbox)
            let after = try await services.campaigns.stats(id: campaign.id, as: actor)
            #expect(after.statuses[.delivered] == 1 && after.statuses[.bounced] == 1 && after.sent == 3, "\(after)")

            // Anna answers the SMS: it lands in a conversation, and her send counts as replied.
            let reply = try await services.conversations.receive(
                ChannelPayload(messages: [InboundMessage(providerMessageID: "SMreply1", from: "+4915112345678", kind: .text, text: "Shoes too?")]),
                inbox: inbox)
            #expect(reply.stored.count == 1)
            #expect(try await services.campaigns.stats(id: campaign.id, as: actor).replied == 1)
        }
    }

    @Test("an SMS's links become short signed redirects to the campaign's own links, counted as clicks; a link with a variable, an inbox without click tracking and a forged link are left alone", arguments: TestDatabase.available)
    func smsLinks(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, texts, sender) = try await Self.smsWorld(store)
            let anna = try await Self.customer(services, phone: "+4915112345678", firstName: "Anna", actor: actor)
            let segment = try await Self.list(services, [anna], actor: actor)
            let content = #"{"en":{"text":"Sale: https://shop.test/sale. Yours: https://shop.test/u/{{customer.id}} (and https://shop.test/sale again) http://shop.test/b?x=1&y=2!"}}"#
            let campaign = try await Self.campaign(services, channel: .sms, inbox: inbox, segment: segment, content: content, actor: actor)
            #expect(CampaignTextLinks.targets(of: campaign.definition) == ["https://shop.test/sale", "http://shop.test/b?x=1&y=2"])
            _ = try await services.campaigns.send(id: campaign.id, as: actor)
            try await Self.drain(sender)
            let message = try #require(texts.messages.first)
            let send = message.sendID
            let sale = "https://r.test/s/\(send)/0/" + CampaignTextLinks.signature(sendID: send, index: 0, target: "https://shop.test/sale", signer: store.linkSigner)
            let other = "https://r.test/s/\(send)/1/" + CampaignTextLinks.signature(sendID: send, index: 1, target: "http://shop.test/b?x=1&y=2", signer: store.linkSigner)
            #expect(message.text == "Sale: \(sale). Yours: https://shop.test/u/\(anna) (and \(sale) again) \(other)!\nReply STOP to opt out")

            let engagement = services.campaignEngagement
            let signature = CampaignTextLinks.signature(sendID: send, index: 1, target: "http://shop.test/b?x=1&y=2", signer: store.linkSigner)
            #expect(signature.count == 16)
            #expect(try await engagement.textClickTarget(sendID: send, index: "1", signature: signature) == "http://shop.test/b?x=1&y=2")
            try await engagement.record(.click, sendID: send)
            #expect(try await services.campaigns.stats(id: campaign.id, as: actor).clicked == 1)
            // A signature for another link, another send, or made up; a link the campaign lacks.
            let forged = [("0", signature), ("01", signature), ("1", String(signature.dropLast()) + (signature.hasSuffix("A") ? "B" : "A")), ("1", "")]
            for (index, candidate) in forged {
                await #expect(throws: RapportError.self) { try await engagement.textClickTarget(sendID: send, index: index, signature: candidate) }
            }
            let beyond = CampaignTextLinks.signature(sendID: send, index: 2, target: "https://shop.test/sale", signer: store.linkSigner)
            // Signed for link 1 but another target: the list read differently leads nowhere.
            let drifted = CampaignTextLinks.signature(sendID: send, index: 1, target: "https://shop.test/sale", signer: store.linkSigner)
            await #expect(throws: RapportError.self) { try await engagement.textClickTarget(sendID: send, index: "1", signature: drifted) }
            await #expect(throws: RapportError.self) { try await engagement.textClickTarget(sendID: send, index: "2", signature: beyond) }
            await #expect(throws: RapportError.self) { try await engagement.textClickTarget(sendID: "snd_nope", index: "0", signature: signature) }

            // An inbox that tracks no clicks sends the links as written.
            _ = try await services.inboxes.updateInbox(
                id: inbox.id, name: inbox.name, settingChanges: ["track_clicks": "off"], teamID: inbox.teamID, slaPolicyID: inbox.slaPolicyID, as: actor)
            let plain = try await Self.campaign(services, channel: .sms, inbox: inbox, segment: segment, content: content, actor: actor)
            _ = try await services.campaigns.send(id: plain.id, as: actor)
            try await Self.drain(sender)
            #expect(texts.messages.count == 2 && texts.messages.last?.text?.hasPrefix("Sale: https://shop.test/sale. Yours:") == true, "\(texts.messages.last?.text ?? "")")
        }
    }

    @Test("sent at a local time, each recipient gets it when their own clock shows it: the profile's zone, the phone number's, else the inbox's", arguments: TestDatabase.available)
    func localTime(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let inbox = try await services.inboxes.createInbox(
                channel: .sms, name: "SMS Jakarta",
                settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": "+4930123456", "time_zone": "Asia/Jakarta"], as: actor)
            let texts = RecordingTextTransport()
            let sender = Self.sender(services, store: store, texts: texts)
            let tokyo = try await Self.customer(services, phone: "+4915187654321", timeZone: "Asia/Tokyo", actor: actor)
            let berlin = try await Self.customer(services, phone: "+4915112345678", actor: actor)
            // A number whose calling code Rapport does not know: the inbox's zone (Jakarta) times them.
            let unknown = try await Self.customer(services, phone: "+8881234567", actor: actor)
            let segment = try await Self.list(services, [tokyo, berlin, unknown], actor: actor)
            let campaign = try await Self.campaign(
                services, channel: .sms, inbox: inbox, segment: segment, extra: #","schedule":{"local_time":"2026-09-22T09:00"}"#,
                content: #"{"en":{"text":"Good morning"}}"#, actor: actor)
            let scheduled = try await services.campaigns.send(id: campaign.id, as: actor)
            #expect(scheduled.status == .scheduled)
            // UTC+14 reaches 09:00 on the 22nd at 19:00 UTC on the 21st.
            #expect(scheduled.scheduledAt == Timestamp.parse("2026-09-21T19:00:00Z"))

            func sentAfter(_ instant: String) async throws -> [String] {
                let target = Timestamp.parse(instant)!
                services.clock.advance(by: target.timeIntervalSince(services.clock.now()))
                try await Self.drain(sender)
                return texts.messages.map(\.address)
            }
            #expect(try await sentAfter("2026-09-21T19:01:00Z").isEmpty)
            let idle = try await store.read { session in try await session.campaigns.sending(at: services.clock.now(), limit: 20) }
            #expect(idle.isEmpty, "a campaign whose sends all wait takes no sender's place")
            #expect(try await sentAfter("2026-09-22T00:01:00Z") == ["+4915187654321"], "09:00 in Tokyo")
            #expect(try await sentAfter("2026-09-22T02:01:00Z") == ["+4915187654321", "+8881234567"], "09:00 in Jakarta")
            #expect(try await sentAfter("2026-09-22T06:59:00Z").count == 2)
            #expect(try await sentAfter("2026-09-22T07:01:00Z").last == "+4915112345678", "09:00 in Berlin")
            #expect(try await services.campaigns.find(id: campaign.id, as: actor).status == .sent)
        }
    }

    @Test("a WhatsApp campaign sends its approved template to the WhatsApp id, else the phone number, with the parameters filled in", arguments: TestDatabase.available)
    func whatsAppTemplate(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let inbox = try await services.inboxes.createInbox(
                channel: .whatsapp, name: "WhatsApp",
                settings: ["phone_number_id": "1098", "access_token": "token", "app_secret": "secret", "verify_token": "verify"], as: actor)
            let texts = RecordingTextTransport()
            let sender = Self.sender(services, store: store, texts: texts)
            let withID = try await Self.customer(
                services, phone: "+4915112345678", whatsApp: "4915199999999", firstName: "Anna", channel: "whatsapp", actor: actor)
            let phoneOnly = try await Self.customer(services, phone: "+4915187654321", channel: "whatsapp", actor: actor)
            let smsOnly = try await Self.customer(services, phone: "+4915100000003", channel: "sms", actor: actor)
            let segment = try await Self.list(services, [withID, phoneOnly, smsOnly], actor: actor)
            let campaign = try await Self.campaign(
                services, channel: .whatsapp, inbox: inbox, segment: segment, extra: #","quiet_hours":false"#,
                content: #"{"en":{"template":{"name":"autumn_sale","language":"en_US","parameters":["{{customer.first_name | default: \"friend\"}}","20%","{{order.number | default: \"your first order\"}}"]}}}"#,
                actor: actor)
            _ = try await services.campaigns.send(id: campaign.id, as: actor)
            try await Self.drain(sender)
            let stats = try await services.campaigns.stats(id: campaign.id, as: actor)
            #expect(stats.sent == 2 && stats.skipped[.noConsent] == 1, "SMS consent is not WhatsApp consent: \(stats)")
            let byAddress = Dictionary(uniqueKeysWithValues: texts.messages.map { ($0.address, $0) })
            #expect(byAddress["4915199999999"]?.template == TemplateMessage(name: "autumn_sale", language: "en_US", parameters: ["Anna", "20%", "your first order"]))
            #expect(byAddress["+4915187654321"]?.template?.parameters == ["friend", "20%", "your first order"])
            #expect(byAddress.values.allSatisfy { $0.text == nil })

            // A reaction is no reply; a message is.
            _ = try await services.conversations.receive(
                ChannelPayload(messages: [InboundMessage(providerMessageID: "wamid.reaction", from: "4915199999999", kind: .reaction)]), inbox: inbox)
            #expect(try await services.campaigns.stats(id: campaign.id, as: actor).replied == 0)
            _ = try await services.conversations.receive(
                ChannelPayload(messages: [InboundMessage(providerMessageID: "wamid.text", from: "4915199999999", kind: .text, text: "Is it for shoes?")]),
                inbox: inbox)
            #expect(try await services.campaigns.stats(id: campaign.id, as: actor).replied == 1)
        }
    }

    @Test("without a provider for texts, an SMS campaign pauses saying so and sends nothing", arguments: TestDatabase.available)
    func noTextProvider(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let inbox = try await ConversationTests.smsInbox(services)
            let sender = Self.sender(services, store: store, texts: nil)
            let one = try await Self.customer(services, phone: "+4915112345678", actor: actor)
            let segment = try await Self.list(services, [one], actor: actor)
            let campaign = try await Self.campaign(services, channel: .sms, inbox: inbox, segment: segment, content: #"{"en":{"text":"Hi"}}"#, actor: actor)
            _ = try await services.campaigns.send(id: campaign.id, as: actor)
            try await Self.drain(sender, rounds: 3)
            let paused = try await services.campaigns.find(id: campaign.id, as: actor)
            #expect(paused.status == .paused && paused.statusReason?.contains("no provider") == true)
            #expect(try await services.campaigns.stats(id: campaign.id, as: actor).sent == 0)
        }
    }
}

extension CampaignTextTests {
    @Test("a draft saved under older rules (a WhatsApp text) still reads and lists, and sending it names what today's rules want", arguments: TestDatabase.available)
    func olderDraft(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let inbox = try await services.inboxes.createInbox(
                channel: .whatsapp, name: "WhatsApp",
                settings: ["phone_number_id": "1098", "access_token": "token", "app_secret": "secret", "verify_token": "verify"], as: actor)
            let segment = try await Self.list(services, [try await Self.customer(services, phone: "+4915112345678", actor: actor)], actor: actor)
            let now = services.clock.now()
            let old = Campaign(
                id: ResourceID.make(.campaign, at: now), workspaceID: services.workspaceID, name: "Old", channel: .whatsapp, inboxID: inbox.id,
                status: .draft,
                definition: CampaignDefinition(
                    audience: CampaignAudience(segmentIDs: [segment]), content: ["en": CampaignContent(text: "Written before templates")], defaultLocale: "en"),
                createdBy: "test", createdAt: now, updatedAt: now)
            try await store.write { session in try await session.campaigns.insert(old) }
            #expect(try await services.campaigns.find(id: old.id, as: actor).definition.content["en"]?.text == "Written before templates")
            let field = await CampaignTests.fault { _ = try await services.campaigns.send(id: old.id, as: actor) }
            #expect(field == "definition.content.en.text")
            #expect(try await services.campaigns.find(id: old.id, as: actor).status == .draft)
        }
    }
}

extension CampaignTextTests {
    @Test("an inbox's time_zone must name a real zone: anything else is a 422 on the setting, and no inbox is made", arguments: [TestDatabase.sqlite])
    func badTimeZone(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let field = await CampaignTests.fault {
                _ = try await services.inboxes.createInbox(
                    channel: .sms, name: "SMS",
                    settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": "+4930123456", "time_zone": "Mars/Olympus_Mons"], as: actor)
            }
            #expect(field == "settings.time_zone")
            #expect(try await services.inboxes.inboxes(as: actor).isEmpty)
        }
    }
}
