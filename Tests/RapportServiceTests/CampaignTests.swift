import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Campaigns")
struct CampaignTests {
    /// A workspace with an e-mail inbox, an SMS inbox and two lists to send to.
    struct World {
        var services: Services
        var actor: Actor
        var mail: Inbox
        var sms: Inbox
        var buyers: Segment
        var staff: Segment
    }

    static func world(_ store: SQLDataStore) async throws -> World {
        let services = try await Services.make(on: store)
        let actor = Actor.operator(workspaceID: services.workspaceID)
        let mail = try await services.inboxes.createInbox(
            channel: .email, name: "Mail", settings: ["address": "shop@example.net", "smtp_host": "127.0.0.1"], as: actor)
        let sms = try await services.inboxes.createInbox(
            channel: .sms, name: "SMS", settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": "+4930123456"], as: actor)
        let buyers = try await services.segments.create(SegmentDraft(name: "Buyers", kind: .list), as: actor)
        let staff = try await services.segments.create(SegmentDraft(name: "Staff", kind: .list), as: actor)
        return World(services: services, actor: actor, mail: mail, sms: sms, buyers: buyers, staff: staff)
    }

    static func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    /// A newsletter to the buyers without the staff, in English and Indonesian.
    static func newsletter(_ w: World) throws -> JSONValue {
        try json("""
            {"audience": {"segment_ids": ["\(w.buyers.id)"], "exclusion_segment_ids": ["\(w.staff.id)"]},
             "content": {"en": {"subject": "Hello {{customer.first_name}}", "body": "New **mugs**"},
                         "id": {"subject": "Halo {{customer.first_name}}", "body": "Mug **baru**"}},
             "default_locale": "en", "holdout_share": 0.1, "frequency_cap": {"messages": 2, "days": 7}}
            """)
    }

    /// The field a 422 names (nil when the call succeeds or fails otherwise).
    static func fault(_ call: () async throws -> Void) async -> String? {
        do {
            try await call()
            return nil
        } catch RapportError.invalid(let errors) {
            return errors.first?.field
        } catch {
            return nil
        }
    }

    @Test("a draft is created, read, listed, changed and deleted, each change audited", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            let campaigns = w.services.campaigns
            let created = try await campaigns.create(
                CampaignDraft(name: "  November newsletter ", channel: .email, inboxID: w.mail.id, definition: try Self.newsletter(w)), as: w.actor)
            #expect(created.id.hasPrefix("cmp_") && created.status == .draft && created.name == "November newsletter")
            #expect(created.definition.audience.exclusionSegmentIDs == [w.staff.id] && created.definition.holdoutShare == 0.1)
            #expect(created.definition.frequencyCap == FrequencyCap(messages: 2, days: 7))
            #expect(try await campaigns.find(id: created.id, as: w.actor) == created, "what was stored reads back the same")

            w.services.clock.advance(by: 60)
            let changed = try await campaigns.update(
                id: created.id, CampaignDraft(name: "December newsletter", channel: .sms, inboxID: w.sms.id, definition: try Self.json("""
                    {"audience": {"segment_ids": ["\(w.buyers.id)"]}, "content": {"en": {"text": "Sale today"}},
                     "schedule": {"at": "2026-12-01T09:00:00Z"}}
                    """)), as: w.actor)
            #expect(changed.channel == .sms && changed.inboxID == w.sms.id && changed.name == "December newsletter")
            #expect(changed.definition.schedule == .at(Timestamp.parse("2026-12-01T09:00:00Z")!) && changed.definition.holdoutShare == 0.05)
            #expect(changed.updatedAt == w.services.clock.now() && changed.createdAt == created.createdAt)
            #expect(try await campaigns.find(id: created.id, as: w.actor) == changed)

            try await campaigns.delete(id: created.id, as: w.actor)
            await #expect(throws: RapportError.notFound("No campaign with id \(created.id).")) { try await campaigns.find(id: created.id, as: w.actor) }

            for action in ["campaign.created", "campaign.updated", "campaign.deleted"] {
                let entries = try await w.services.audit.entries(filter: AuditFilter(action: action), page: try PageRequest(), as: w.actor).items
                #expect(entries.count == 1 && entries.first?.subjectID == created.id, "\(action)")
            }
            let updated = try await w.services.audit.entries(filter: AuditFilter(action: "campaign.updated"), page: try PageRequest(), as: w.actor).items
            #expect(updated.first?.details["changed"] == "name,channel,inbox,definition")
        }
    }

    @Test("the issue's short form makes a one-segment, one-locale draft", arguments: TestDatabase.available)
    func shortForm(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            let campaign = try await w.services.campaigns.create(CampaignDraft(
                name: "Welcome", channel: .email, inboxID: w.mail.id,
                shorthand: CampaignShorthand(segmentID: w.buyers.id, subject: "Hi", body: "Hello {{customer.first_name}}")), as: w.actor)
            #expect(campaign.definition.audience.segmentIDs == [w.buyers.id])
            #expect(campaign.definition.content == ["en": CampaignContent(subject: "Hi", body: "Hello {{customer.first_name}}")])
            let unknown = "seg_01M00000000000000000000000"
            #expect(await Self.fault {
                _ = try await w.services.campaigns.create(CampaignDraft(
                    name: "x", channel: .email, inboxID: w.mail.id, shorthand: CampaignShorthand(segmentID: unknown, subject: "Hi", body: "b")), as: w.actor)
            } == "segment_id")
        }
    }

    @Test("bad drafts are 422s naming the field at fault, and save nothing", arguments: TestDatabase.available)
    func validation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            let campaigns = w.services.campaigns
            let elsewhere = try await w.services.workspaces.create(name: "Elsewhere")
            let foreignInbox = try await w.services.inboxes.createInbox(
                channel: .email, name: "Theirs", settings: ["address": "them@example.net", "smtp_host": "127.0.0.1"],
                as: .operator(workspaceID: elsewhere.id))
            let foreignList = try await w.services.segments.create(SegmentDraft(name: "Theirs", kind: .list), as: .operator(workspaceID: elsewhere.id))
            let definition = try Self.newsletter(w)
            let inTwoDays = Timestamp.iso8601(w.services.clock.now().addingTimeInterval(2 * 86_400))
            let yesterday = Timestamp.iso8601(w.services.clock.now().addingTimeInterval(-86_400))
            let cases: [(CampaignDraft, String)] = [
                (CampaignDraft(name: " ", channel: .email, inboxID: w.mail.id, definition: definition), "name"),
                (CampaignDraft(name: String(repeating: "x", count: 201), channel: .email, inboxID: w.mail.id, definition: definition), "name"),
                (CampaignDraft(name: "x", inboxID: w.mail.id, definition: definition), "channel"),
                (CampaignDraft(name: "x", channel: .email, definition: definition), "inbox_id"),
                (CampaignDraft(name: "x", channel: .email, inboxID: w.mail.id), "definition"),
                (CampaignDraft(name: "x", channel: .email, inboxID: foreignInbox.id, definition: definition), "inbox_id"),
                (CampaignDraft(name: "x", channel: .email, inboxID: "inb_nonsense", definition: definition), "inbox_id"),
                (CampaignDraft(name: "x", channel: .email, inboxID: w.sms.id, definition: definition), "inbox_id"),
                (CampaignDraft(name: "x", channel: .sms, inboxID: w.sms.id, definition: definition), "definition.content.en.subject"),
                (CampaignDraft(name: "x", channel: .email, inboxID: w.mail.id, definition: try Self.json("""
                    {"audience": {"segment_ids": ["\(w.buyers.id)", "\(foreignList.id)"]}, "content": {"en": {"subject": "s", "body": "b"}}}
                    """)), "definition.audience.segment_ids[1]"),
                (CampaignDraft(name: "x", channel: .email, inboxID: w.mail.id, definition: try Self.json("""
                    {"audience": {"segment_ids": ["\(w.buyers.id)"], "exclusion_segment_ids": ["\(foreignList.id)"]},
                     "content": {"en": {"subject": "s", "body": "b"}}}
                    """)), "definition.audience.exclusion_segment_ids[0]"),
                (CampaignDraft(name: "x", channel: .email, inboxID: w.mail.id, definition: try Self.json("""
                    {"audience": {"segment_ids": ["\(w.buyers.id)"]}, "content": {"en": {"subject": "s", "body": "b"}}, "schedule": {"at": "\(yesterday)"}}
                    """)), "definition.schedule.at"),
                (CampaignDraft(name: "x", channel: .email, inboxID: w.mail.id, definition: try Self.json("""
                    {"audience": {"segment_ids": ["\(w.buyers.id)"]}, "content": {"en": {"subject": "s", "body": "b"}},
                     "schedule": {"local_time": "\(String(inTwoDays.prefix(11)))05:00"}}
                    """)), ""),
                (CampaignDraft(
                    name: "x", channel: .email, inboxID: w.mail.id, definition: definition,
                    shorthand: CampaignShorthand(segmentID: w.buyers.id, subject: "s", body: "b")), "definition"),
            ]
            for (draft, field) in cases {
                let fault = await Self.fault { _ = try await campaigns.create(draft, as: w.actor) }
                #expect(fault == (field.isEmpty ? nil : field), "\(draft.name ?? "") \(field)")
            }
            // The local time two days ahead was fine; nothing else was saved.
            #expect(try await campaigns.list(page: try PageRequest(), as: w.actor).items.count == 1)
            #expect(try await store.texts("SELECT CAST(COUNT(*) AS TEXT) FROM campaigns")[0][0] == "1")
        }
    }

    @Test("agents read campaigns but change none; marketers build them", arguments: TestDatabase.available)
    func permissions(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            var actors: [UserRole: Actor] = [:]
            for role in [UserRole.agent, .marketer, .manager] {
                let user = try await w.services.users.create(email: "\(role.rawValue)@shop.test", name: nil, role: role, password: nil, as: w.actor).user
                actors[role] = .user(user, teamIDs: [])
            }
            let agent = try #require(actors[.agent]), marketer = try #require(actors[.marketer])
            let draft = CampaignDraft(name: "By a marketer", channel: .email, inboxID: w.mail.id, definition: try Self.newsletter(w))
            let campaign = try await w.services.campaigns.create(draft, as: marketer)
            #expect(campaign.createdBy == marketer.label)
            #expect(try await w.services.campaigns.find(id: campaign.id, as: agent).id == campaign.id)
            #expect(try await w.services.campaigns.list(page: try PageRequest(), as: agent).items.map(\.id) == [campaign.id])
            let refusal = RapportError.forbidden("An agent may not create, change or delete campaigns.")
            await #expect(throws: refusal) { _ = try await w.services.campaigns.create(draft, as: agent) }
            await #expect(throws: refusal) { _ = try await w.services.campaigns.update(id: campaign.id, CampaignDraft(name: "Mine"), as: agent) }
            await #expect(throws: refusal) { try await w.services.campaigns.delete(id: campaign.id, as: agent) }
            #expect(try await w.services.campaigns.find(id: campaign.id, as: agent).name == "By a marketer")
            _ = try await w.services.campaigns.update(id: campaign.id, CampaignDraft(name: "Checked"), as: try #require(actors[.manager]))
        }
    }

    @Test("only drafts are deleted; once sending, a campaign no longer changes; scheduled ones follow their schedule", arguments: TestDatabase.available)
    func statusRules(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            let campaigns = w.services.campaigns
            let campaign = try await campaigns.create(
                CampaignDraft(name: "Launch", channel: .email, inboxID: w.mail.id, definition: try Self.newsletter(w)), as: w.actor)

            try await store.execute("UPDATE campaigns SET status = 'scheduled' WHERE id = '\(campaign.id)'")
            await #expect(throws: RapportError.conflict("Only a draft can be deleted; this campaign is scheduled.")) {
                try await campaigns.delete(id: campaign.id, as: w.actor)
            }
            #expect(await Self.fault { _ = try await campaigns.update(id: campaign.id, CampaignDraft(name: "Later"), as: w.actor) } == "definition.schedule")
            let at = w.services.clock.now().addingTimeInterval(3 * 86_400)
            let rescheduled = try await campaigns.update(id: campaign.id, CampaignDraft(definition: try Self.json("""
                {"audience": {"segment_ids": ["\(w.buyers.id)"]}, "content": {"en": {"subject": "s", "body": "b"}},
                 "schedule": {"at": "\(Timestamp.iso8601(at))"}}
                """)), as: w.actor)
            #expect(rescheduled.scheduledAt == at && rescheduled.status == .scheduled)

            for status in ["sending", "paused", "sent", "cancelled"] {
                try await store.execute("UPDATE campaigns SET status = '\(status)' WHERE id = '\(campaign.id)'")
                await #expect(throws: RapportError.conflict("Only a draft or scheduled campaign can change; this one is \(status).")) {
                    _ = try await campaigns.update(id: campaign.id, CampaignDraft(name: "Changed"), as: w.actor)
                }
                await #expect(throws: RapportError.self) { try await campaigns.delete(id: campaign.id, as: w.actor) }
            }
            #expect(try await campaigns.find(id: campaign.id, as: w.actor).name == "Launch")
            #expect(try await campaigns.list(status: .cancelled, page: try PageRequest(), as: w.actor).items.map(\.id) == [campaign.id])
            #expect(try await campaigns.list(status: .draft, page: try PageRequest(), as: w.actor).items.isEmpty)
        }
    }

    @Test("the list pages newest first, and another workspace sees none of it", arguments: TestDatabase.available)
    func pagination(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            var made: [String] = []
            for index in 0..<5 {
                w.services.clock.advance(by: 1)
                made.append(try await w.services.campaigns.create(
                    CampaignDraft(name: "Campaign \(index)", channel: .email, inboxID: w.mail.id, definition: try Self.newsletter(w)), as: w.actor).id)
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await w.services.campaigns.list(page: try PageRequest(limit: 2, startingAfter: cursor), as: w.actor)
                #expect(page.items.count <= 2)
                seen += page.items.map(\.id)
                cursor = page.hasMore ? page.items.last?.id : nil
            } while cursor != nil
            #expect(seen == Array(made.reversed()))

            let elsewhere = try await w.services.workspaces.create(name: "Elsewhere")
            let stranger = Actor.operator(workspaceID: elsewhere.id)
            #expect(try await w.services.campaigns.list(page: try PageRequest(), as: stranger).items.isEmpty)
            await #expect(throws: RapportError.notFound("No campaign with id \(made[0]).")) { try await w.services.campaigns.find(id: made[0], as: stranger) }
            await #expect(throws: RapportError.notFound("No campaign with id \(made[0]).")) {
                _ = try await w.services.campaigns.update(id: made[0], CampaignDraft(name: "Mine"), as: stranger)
            }
            await #expect(throws: RapportError.notFound("No campaign with id \(made[0]).")) { try await w.services.campaigns.delete(id: made[0], as: stranger) }
        }
    }

    @Test("the send log keeps one row per campaign and customer, and goes with the campaign", arguments: TestDatabase.available)
    func sendLog(database: TestDatabase) async throws {
        try await database.withStore { store in
            let w = try await Self.world(store)
            let campaign = try await w.services.campaigns.create(
                CampaignDraft(name: "Log", channel: .email, inboxID: w.mail.id, definition: try Self.newsletter(w)), as: w.actor)
            var customers: [String] = []
            for index in 0..<10 {
                customers.append(try await w.services.customers.upsert(
                    CustomerInput(identities: [IdentityInput(kind: "email", value: "c\(index)@example.com")]), as: w.actor).customer.id)
            }
            let now = w.services.clock.now()
            let sends = customers.enumerated().map { index, customerID in
                CampaignSend(
                    id: ResourceID.make(.campaignSend, at: now.addingTimeInterval(Double(index))), campaignID: campaign.id,
                    workspaceID: w.services.workspaceID, customerID: customerID, status: index == 0 ? .heldOut : index == 1 ? .skipped : .sent,
                    skipReason: index == 1 ? .noConsent : nil, address: "c\(index)@example.com", queuedAt: now,
                    sentAt: index > 1 ? now.addingTimeInterval(5) : nil)
            }
            // Ten rows: more than one statement's worth on PostgreSQL's COPY path, and a plain insert on SQLite.
            #expect(try await store.write { session in try await session.campaigns.insertSends(sends) } == 10)
            let page = try await store.read { session in
                try await session.campaigns.sends(campaignID: campaign.id, workspaceID: w.services.workspaceID, page: try PageRequest(limit: 100))
            }
            #expect(page.items == Array(sends.reversed()) && !page.hasMore)
            // A customer is in a campaign's log once: writing them again (an audience resolved
            // again after a crash) adds nothing and changes nothing.
            var again = sends[3]
            again.id = ResourceID.make(.campaignSend, at: now)
            again.status = .queued
            let repeated = again
            #expect(try await store.write { session in try await session.campaigns.insertSends([repeated]) } == 0)
            let after = try await store.read { session in
                try await session.campaigns.sends(campaignID: campaign.id, workspaceID: w.services.workspaceID, page: try PageRequest(limit: 100))
            }
            #expect(after.items == page.items)
            try await w.services.campaigns.delete(id: campaign.id, as: w.actor)
            #expect(try await store.texts("SELECT CAST(COUNT(*) AS TEXT) FROM campaign_sends")[0][0] == "0")
        }
    }
}
