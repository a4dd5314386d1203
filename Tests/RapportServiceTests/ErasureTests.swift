import Foundation
@testable import RapportStore
import RapportCore
import RapportTestSupport
import Testing

/// Erasure is complete: after it, no table and no column holds the person's e-mail, phone,
/// names, ids or the addresses they acted from. The scan reads the tables and columns from
/// the database's own schema, so a table added later is covered without editing this test.
@Suite("Privacy: erasure")
struct ErasureTests {
    /// One person, seen through every path that stores something about a customer.
    struct Person {
        let id: String
        let duplicateID: String
        static let email = "zeb.quill@example.org"
        static let secondEmail = "zq.second@example.org"
        static let phone = "+4915123456789"
        static let firstName = "Zebulon"
        static let lastName = "Quillfeather"
        static let shopID = "shop-77123"
        static let anonymousID = "anon-zq-5531"
        static let appUserID = "app-zq-9901"
        static let visitAddress = "203.0.113.77"
        static let consentAddress = "198.51.100.23"
        static let browser = "ZQBrowser/1.0"
        static let signUpAddress = "192.0.2.45"

        var tokens: [String] {
            [Self.email, Self.secondEmail, Self.phone, String(Self.phone.dropFirst()), Self.firstName, Self.lastName, Self.shopID,
             Self.anonymousID, Self.appUserID, Self.visitAddress, Self.consentAddress, Self.browser, Self.signUpAddress, id, duplicateID]
        }
    }

    static func seed(_ services: Services) async throws -> (person: Person, other: String) {
        let workspaceID = services.workspaceID
        let actor = Actor.operator(workspaceID: workspaceID)
        let customers = services.customers
        let person = try await customers.upsert(CustomerInput(
            identities: [IdentityInput(kind: "email", value: Person.email), IdentityInput(kind: "phone", value: Person.phone),
                         IdentityInput(kind: "external", value: Person.shopID, source: "shopify")],
            firstName: Person.firstName, lastName: Person.lastName), as: actor).customer
        let duplicate = try await customers.upsert(CustomerInput(
            identities: [IdentityInput(kind: "email", value: Person.secondEmail)], firstName: Person.firstName, lastName: Person.lastName), as: actor).customer
        _ = try await customers.merge(into: person.id, from: duplicate.id, as: actor)
        let other = try await customers.upsert(CustomerInput(
            identities: [IdentityInput(kind: "email", value: "someone.else@example.org")], firstName: "Ottilie"), as: actor).customer

        // Browsing before they were known, then identifying.
        _ = try await services.tracking.ingest([
            TrackingMessage(type: .page, messageID: "zq-1", anonymousID: Person.anonymousID, name: "Home",
                            context: ["ip": .string(Person.visitAddress)]),
            TrackingMessage(type: .identify, messageID: "zq-2", anonymousID: Person.anonymousID, userID: Person.appUserID,
                            properties: ["email": .string(Person.email)], context: ["ip": .string(Person.visitAddress)]),
        ], workspaceID: workspaceID, provenance: .proven)
        for (number, customer, email, name) in [
            ("R-5001", person.id, Person.email, "\(Person.firstName) \(Person.lastName)"), ("R-5002", other.id, "someone.else@example.org", "Ottilie"),
        ] {
            _ = try await services.commerce.upsertOrders([OrderInput(
                customerID: customer, number: number, source: "shopify", currency: "EUR",
                lines: [OrderLineInput(title: "Quill", quantity: 1, unitPrice: 1500)],
                shippingAddress: Address(label: name, line1: "12 Quill Lane", city: "Berlin", country: "DE"), email: email)], as: actor)
        }
        let inbox = try await services.inboxes.createInbox(
            channel: .sms, name: "SMS", settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": "+4930123456"], as: actor)
        _ = try await services.conversations.receive(ChannelPayload(messages: [InboundMessage(
            providerMessageID: "SM-zq", from: Person.phone, fromName: "\(Person.firstName) \(Person.lastName)", kind: .text,
            text: "Hi, this is \(Person.firstName)")]), inbox: inbox)
        _ = try await services.consents.record(
            ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form",
                         text: "Yes, e-mail me offers", ipAddress: Person.consentAddress, userAgent: Person.browser),
            customerID: person.id, witness: .none, as: actor)
        // A sign-up of their other address, never confirmed (double opt-in).
        let mail = try await services.inboxes.createInbox(channel: .email, name: "Mail", settings: ["address": "shop@example.net", "smtp_host": "127.0.0.1"], as: actor)
        _ = try await services.signUps.signUp(
            SignUpInput(email: Person.secondEmail, text: "Send me news"), workspaceID: workspaceID, requestedBy: "api_key:test",
            witness: ConsentWitness(ipAddress: Person.signUpAddress, userAgent: Person.browser), trusted: true)
        _ = try await services.timeline.record(
            InteractionInput(channel: "phone", direction: "inbound", kind: "call", summary: "\(Person.firstName) called about R-5001"),
            customerID: person.id, as: actor)
        // A campaign went to them: the send log holds their id and address (written directly,
        // as the sender will write it).
        let newsletter = try await services.segments.create(SegmentDraft(name: "Newsletter", kind: .list), as: actor)
        let campaign = try await services.campaigns.create(CampaignDraft(
            name: "Autumn quills", channel: .email, inboxID: mail.id,
            shorthand: CampaignShorthand(segmentID: newsletter.id, subject: "Autumn", body: "New quills")), as: actor)
        let sentAt = services.clock.now()
        _ = try await services.store.write { session in
            try await session.campaigns.insertSends([CampaignSend(
                id: ResourceID.make(.campaignSend, at: sentAt), campaignID: campaign.id, workspaceID: workspaceID, customerID: person.id,
                status: .sent, address: Person.email, providerMessageID: "<zq-autumn@example.net>", queuedAt: sentAt, sentAt: sentAt, openedAt: sentAt)])
        }
        // An API answer kept for an idempotency key names them.
        if case .proceed(let token) = try await services.idempotency.begin(key: "zq-key", fingerprint: "f", as: actor) {
            try await services.idempotency.complete(
                key: "zq-key", token: token, status: 201, location: nil, body: "{\"id\":\"\(person.id)\",\"email\":\"\(Person.email)\"}", as: actor)
        }
        _ = try await customers.open(id: person.id, as: actor)
        return (Person(id: person.id, duplicateID: duplicate.id), other.id)
    }

    @Test("after an erasure no table or column holds the person; their ids answer gone; others keep everything", arguments: TestDatabase.available)
    func nothingLeft(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let (person, other) = try await Self.seed(services)
            let before = try await PersonalDataScan(store: store).findings(of: person.tokens)
            #expect(before.count > 20, "the seed stores the person in many places: \(before.count)")

            let receipt = try await services.privacy.erase(customerID: person.id, as: actor)
            #expect(Set(receipt.customerIDs) == [person.id, person.duplicateID])
            #expect(receipt.rows["orders"] == 1 && receipt.rows["tracked_events"] == 2 && receipt.rows["merges"] == 1)
            #expect(receipt.rows["campaign_sends"] == 1, "the campaign's row for them went with them")

            let left = try await PersonalDataScan(store: store).findings(of: person.tokens)
                .filter { !($0.isErasureEvent && [person.id, person.duplicateID].contains($0.token)) }
            #expect(left.isEmpty, "still stored: \(left.map(\.description).joined(separator: "; "))")

            for id in [person.id, person.duplicateID] {
                let error = await #expect(throws: RapportError.self) { try await services.customers.view(id: id, as: actor) }
                guard case .gone = error else { Issue.record("\(id) answered \(String(describing: error)), not gone"); continue }
            }
            await #expect(throws: RapportError.self) { try await services.customers.restore(id: person.id, as: actor) }
            // The order stays for the books, without the person, on a record nobody can open.
            let orders = try await services.commerce.orders(filter: OrderFilter(), page: try PageRequest(), as: actor).items
            let kept = try #require(orders.first { $0.number == "R-5001" })
            #expect(kept.email == nil && kept.shippingAddress == nil && kept.customerID != person.id)
            // The shop reports the order again (shipped): it updates, and never brings the person back.
            let again = try await services.commerce.upsertOrders([OrderInput(
                number: "R-5001", source: "shopify", status: .fulfilled, currency: "EUR",
                lines: [OrderLineInput(title: "Quill", quantity: 1, unitPrice: 1500)],
                shippingAddress: Address(label: "\(Person.firstName) \(Person.lastName)", line1: "12 Quill Lane", city: "Berlin", country: "DE"),
                email: Person.email)], as: actor)
            #expect(again.first?.created == false && again.first?.order.email == nil && again.first?.order.shippingAddress == nil)
            await #expect(throws: RapportError.self) { try await services.customers.view(id: kept.customerID, as: actor) }
            // Someone else is untouched.
            let view = try await services.customers.view(id: other, as: actor)
            #expect(view.customer.profile.firstName == "Ottilie")
            #expect(orders.first { $0.number == "R-5002" }?.email == "someone.else@example.org")
            // The audit log still verifies; the erasure is in it, naming no one.
            let verification = try await services.audit.verify()
            #expect(verification.isIntact)
            let erased = try await services.audit.entries(filter: AuditFilter(action: "customer.erased"), page: try PageRequest(), as: actor)
            #expect(erased.items.count == 1 && erased.items[0].subjectID == nil && erased.items[0].details["records"] == "2")
        }
    }

    @Test("with orders deleted, nothing of the person's orders is kept either", arguments: TestDatabase.available)
    func ordersDeleted(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let (person, _) = try await Self.seed(services)
            _ = try await services.privacy.erase(customerID: person.id, orders: .delete, as: actor)
            let numbers = try await services.commerce.orders(filter: OrderFilter(), page: try PageRequest(), as: actor).items.map(\.number)
            #expect(numbers == ["R-5002"])
            #expect(try await store.texts("SELECT CAST(COUNT(*) AS TEXT) FROM customers WHERE erased_at IS NOT NULL") == [["0"]])
        }
    }

    @Test("the export holds every table's rows on the customer and the records merged into them, complete", arguments: TestDatabase.available)
    func export(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let (person, _) = try await Self.seed(services)
            // More tracked events than one page of the export's reads.
            let batch = (0..<2_500).map { index in
                TrackingMessage(type: .track, messageID: "zq-view-\(index)", userID: Person.appUserID, event: "Product Viewed")
            }
            _ = try await services.tracking.ingest(batch, workspaceID: services.workspaceID, provenance: .proven)
            // A second merge, and the same interactions moved by both, more than a page of them:
            // the pair, not the interaction, keys the pages.
            let third = try await services.customers.upsert(
                CustomerInput(identities: [IdentityInput(kind: "email", value: "third.\(Person.email)")]), as: actor).customer
            _ = try await services.customers.merge(into: person.id, from: third.id, as: actor)
            let merges = try await store.texts("SELECT id FROM merges ORDER BY id").compactMap { $0[0] }
            #expect(merges.count == 2)
            // An odd number of rows before the pairs, so a page ends between the two rows of a pair.
            let existing = Int(try #require(try await store.texts("SELECT CAST(COUNT(*) AS TEXT) FROM merge_moves")[0][0])) ?? 0
            if existing % 2 == 0 { try await store.execute("INSERT INTO merge_moves (merge_id, interaction_id) VALUES ('\(merges[0])', 'int_page_0')") }
            for merge in merges {
                let values = (0..<1_200).map { "('\(merge)', 'int_page_\(String(format: "%05d", $0))')" }.joined(separator: ", ")
                try await store.execute("INSERT INTO merge_moves (merge_id, interaction_id) VALUES \(values)")
            }
            let moves = try #require(try await store.texts("SELECT CAST(COUNT(*) AS TEXT) FROM merge_moves")[0][0])
            let export = try await services.privacy.export(customerID: person.id, as: actor)
            let rows = Dictionary(uniqueKeysWithValues: export.tables.map { ($0.name, $0.rows.count) })
            #expect(rows["customers"] == 3 && rows["tracked_events"] == 2_502 && rows["orders"] == 1 && rows["messages"] == 1)
            #expect(rows["consent_entries"] == 1 && rows["merges"] == 2 && rows["idempotency_keys"] == 1)
            #expect(rows["consent_texts"] == 2 && rows["sign_ups"] == 1, "the wording of their consent and of their sign-up")
            #expect(rows["campaign_sends"] == 1, "the campaigns sent to them")
            let recommended = try #require(export.tables.first { $0.name == "recommendations" }, "what Rapport recommends to them now")
            #expect(recommended.columns == ["position", "product_id", "score", "reason", "computed_at"])
            #expect(rows["merge_moves"].map(String.init) == moves && (rows["merge_moves"] ?? 0) >= 2_400, "every move, none twice")
            #expect((rows["audit_entries"] ?? 0) >= 2, "the merge and the view")
            #expect(export.json.contains(Person.lastName) && !export.json.contains("someone.else@example.org"))
            let orders = try #require(export.tables.first { $0.name == "orders" })
            #expect(CustomerExport.csv(orders).hasPrefix("id,workspace_id,customer_id,"))
            // Exporting is itself audited.
            let exported = try await services.audit.entries(filter: AuditFilter(action: "customer.exported"), page: try PageRequest(), as: actor)
            #expect(exported.items.count == 1)
        }
    }

    @Test("every table of the schema is either mapped to a customer for export and erasure or declared to hold no customer data", arguments: TestDatabase.available)
    func everyTableClassified(database: TestDatabase) async throws {
        try await database.withStore { store in
            let tables = try await PersonalDataScan(store: store).tables()
            let mapped = Set(PersonalDataMap.exported.map(\.table))
            let declared = Set(PersonalDataMap.withoutCustomerData.keys)
            #expect(mapped.isDisjoint(with: declared))
            let unclassified = Set(tables).subtracting(mapped).subtracting(declared)
            #expect(unclassified.isEmpty, "say where these hold customer data, or why they hold none: \(unclassified.sorted())")
        }
    }
}
