import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Segments as filters of other lists (customers, the store's figures, the inbox), the CSV
/// export of members, and lists filled from a CSV of identities.
@Suite("Segments as filters and files")
struct SegmentFilesTests {
    static func agent(_ services: Services) -> Actor {
        Actor(workspaceID: services.workspaceID, role: .agent, userID: nil, teamIDs: [], label: "test:agent")
    }

    /// The whole export, chunk by chunk, as the routes write it.
    static func csv(_ export: SegmentMemberExport) async throws -> String {
        var text = export.header
        var after: String?
        repeat {
            let chunk = try await export.chunk(after: after)
            text += chunk.text
            after = chunk.next
        } while after != nil
        return text
    }

    @Test("the customer filter is a segment definition: each field becomes its condition, none a filter")
    func filterDefinition() {
        #expect(CustomerFilter().definition == .all([]))
        let filter = CustomerFilter(tag: "vip", rfmSegment: .champions, minimumLifetimeValue: 10, maximumProbabilityAlive: 0.5, segmentID: "seg_x")
        let text = filter.definition.json.jsonText
        for part in [
            #"{"field":"tags","op":"contains","value":"vip"}"#, #"{"field":"rfm.segment","op":"=","value":"champions"}"#,
            #"{"field":"clv.lifetime_value","op":">=","value":10}"#, #"{"field":"clv.probability_alive","op":"<=","value":0.5}"#,
            #"{"field":"segments","op":"contains","value":"seg_x"}"#,
        ] {
            #expect(text.contains(part), "\(part) in \(text)")
        }
        #expect(!filter.definition.dependsOnTime)
        // The definition reads back as the parser reads a saved one: the filter means what a segment would.
        let parsed = try? SegmentDefinitionParser.parse(filter.definition.json)
        #expect(parsed == filter.definition)
    }

    @Test("customers, the store's figures and the inbox filter to exactly a segment's members; an unknown segment is refused", arguments: TestDatabase.available)
    func filters(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let inbox = try await ConversationTests.smsInbox(services)
            var customerIDs: [String] = []
            for (index, phone) in ["+4915100000001", "+4915100000002", "+4915100000003"].enumerated() {
                let stored = try await services.conversations.receive(ConversationTests.inbound("SM\(index)", from: phone), inbox: inbox).stored
                let conversation = try await services.conversations.conversation(id: stored[0].conversationID, as: actor)
                customerIDs.append(conversation.customerID)
            }
            var orders: [OrderInput] = []
            for (index, customerID) in customerIDs.enumerated() {
                let customer = try #require(try await services.customers.customers(ids: [customerID], as: actor).first)
                let phone = try #require(customer.identities.first { $0.kind == .phone }?.value)
                orders.append(OrderInput(
                    customer: CustomerInput(identities: [IdentityInput(kind: "phone", value: phone)]), number: "F\(index)", source: "shop",
                    status: .paid, currency: "EUR", lines: [OrderLineInput(sku: "MUG", title: "Mug", quantity: 1, unitPrice: 1_000 * Int64(index + 1))]))
            }
            _ = try await services.commerce.upsertOrders(orders, as: actor)
            let list = try await services.segments.create(SegmentDraft(name: "Picked", kind: .list), as: actor)
            _ = try await services.segments.addToList(id: list.id, customerIDs: [customerIDs[0], customerIDs[2]], as: actor)
            let members = Set([customerIDs[0], customerIDs[2]])

            let listed = try await services.customers.list(filter: CustomerFilter(segmentID: list.id), page: try PageRequest(limit: 100), as: actor)
            #expect(Set(listed.items.map(\.id)) == members)
            let searched = try await services.customers.list(
                query: "+4915100000001", filter: CustomerFilter(segmentID: list.id), page: try PageRequest(), as: actor)
            #expect(searched.items.map(\.id) == [customerIDs[0]], "a search within the segment")

            let now = services.clock.now()
            let figures = try await services.metrics.metrics(
                from: now.addingTimeInterval(-86_400), to: now.addingTimeInterval(86_400), filter: CustomerFilter(segmentID: list.id), as: actor)
            #expect(figures.customers == 2 && figures.orders == 2 && figures.revenue == 4_000)
            let everyone = try await services.metrics.metrics(
                from: now.addingTimeInterval(-86_400), to: now.addingTimeInterval(86_400), filter: CustomerFilter(), as: actor)
            #expect(everyone.customers == 3 && everyone.revenue == 6_000)

            let agent = Self.agent(services)
            let conversations = try await services.conversations.conversations(
                filter: ConversationFilter(segmentID: list.id), page: try PageRequest(), as: actor)
            #expect(Set(conversations.items.map(\.customerID)) == members)
            let counts = try await services.conversations.counts(filter: ConversationFilter(segmentID: list.id), as: actor)
            #expect(counts.total.values.reduce(0, +) == 2)
            // Everyone may see segments, agents too: the filter needs no more than that.
            _ = try await services.customers.list(filter: CustomerFilter(segmentID: list.id), page: try PageRequest(), as: agent)

            let otherWorkspace = try await services.workspaces.create(name: "Other shop")
            let foreign = try await services.segments.create(SegmentDraft(name: "Theirs", kind: .list), as: .operator(workspaceID: otherWorkspace.id))
            for unknown in ["seg_01M0000000000000000000000", foreign.id, "not-an-id"] {
                do {
                    _ = try await services.customers.list(filter: CustomerFilter(segmentID: unknown), page: try PageRequest(), as: actor)
                    Issue.record("\(unknown) must be refused")
                } catch RapportError.invalid(let errors) {
                    #expect(errors.first?.field == "segment")
                }
                await #expect(throws: RapportError.self) {
                    _ = try await services.metrics.cohorts(months: 3, end: now, filter: CustomerFilter(segmentID: unknown), as: actor)
                }
                await #expect(throws: RapportError.self) {
                    _ = try await services.conversations.conversations(filter: ConversationFilter(segmentID: unknown), page: try PageRequest(), as: actor)
                }
            }
        }
    }

    @Test("the export holds exactly the members, in chunks, and defuses commas, quotes and formulas; agents are refused; it is audited",
          arguments: TestDatabase.available)
    func export(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let inputs = (0..<1_001).map { index in
                CustomerInput(identities: [IdentityInput(kind: "email", value: "bulk\(index)@example.com")], firstName: "Bulk \(index)", tags: ["bulk"])
            }
            let bulk = try await services.customers.upsertMany(inputs, as: actor).map(\.customer.id)
            let awkward = try await services.customers.upsert(CustomerInput(
                identities: [IdentityInput(kind: "email", value: "odd@example.com"), IdentityInput(kind: "phone", value: "+4915112345678")],
                firstName: "=HYPERLINK(\"x\")", lastName: "Doe, \"Jr\"", tags: ["bulk"]), as: actor).customer
            _ = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "outside@example.com")]), as: actor)
            let segment = try await services.segments.create(
                SegmentDraft(name: "Bulk", definition: try JSONParser.parse(Array(#"{"field": "tags", "op": "contains", "value": "bulk"}"#.utf8))), as: actor)
            #expect(segment.memberCount == 1_002)

            let export = try await services.segments.export(id: segment.id, as: actor)
            let text = try await Self.csv(export)
            let records = CSVReader.records(text)
            #expect(records.first?.fields == SegmentMemberExport.columns)
            let rows = records.dropFirst()
            #expect(rows.count == 1_002, "two chunks, each member once")
            #expect(Set(rows.map { $0.fields[0] }) == Set(bulk + [awkward.id]))
            let odd = try #require(rows.first { $0.fields[0] == awkward.id }?.fields)
            #expect(odd[1] == "'=HYPERLINK(\"x\")" && odd[2] == "Doe, \"Jr\"", "a formula gets a quote mark; a comma and quotes survive")
            #expect(odd[3] == "odd@example.com" && odd[4] == "+4915112345678")
            #expect(text.contains(#""Doe, ""Jr""""#), "quoted with doubled quotes")
            #expect(Timestamp.parse(odd[5]) != nil && Timestamp.parse(odd[6]) != nil)

            await #expect(throws: RapportError.self) { _ = try await services.segments.export(id: segment.id, as: Self.agent(services)) }
            await #expect(throws: RapportError.self) { _ = try await services.segments.export(id: "seg_01M0000000000000000000000", as: actor) }
            let audited = try await services.audit.entries(filter: AuditFilter(action: "segment.exported"), page: try PageRequest(), as: actor).items
            #expect(audited.count == 1 && audited.first?.subjectID == segment.id)
        }
    }

    @Test("a CSV of identities fills a list: each row added, already a member, not found or invalid, with its line", arguments: TestDatabase.available)
    func importList(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let ada = try await services.customers.upsert(CustomerInput(identities: [
                IdentityInput(kind: "email", value: "ada@example.com"), IdentityInput(kind: "phone", value: "+4915100000001"),
            ]), as: actor).customer
            let bo = try await services.customers.upsert(CustomerInput(identities: [
                IdentityInput(kind: "external", value: "4711", source: "shopify"),
            ]), as: actor).customer
            let cy = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "cy@example.com")]), as: actor).customer
            let gone = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "gone@example.com")]), as: actor).customer
            try await services.customers.delete(id: gone.id, as: actor)
            let list = try await services.segments.create(SegmentDraft(name: "Fair", kind: .list), as: actor)
            _ = try await services.segments.addToList(id: list.id, customerIDs: [cy.id], as: actor)

            let file = """
                \u{FEFF}E-Mail,Phone,external_id,source,customer_id,notes
                ADA@example.com,,,,,first
                ,+49 151 00000001,,,,ada again by phone
                ,,4711,shopify,,bo by shop id
                cy@example.com,,,,,already on the list
                nobody@example.com,,,,,unknown
                gone@example.com,,,,,deleted
                not-an-email,,,,,bad
                ,,,,,empty
                ,,999,,,no source
                ,,,,\(cy.id),by id
                ,,,,cus_01M00000000000000000000000,unknown id
                ,,,,4711,shop id in the wrong column

                """
            let outcome = try await services.segments.importList(id: list.id, csv: file, as: actor)
            #expect(outcome.added == 2, "Ada and Bo")
            #expect(outcome.alreadyMember == 3, "Ada by phone, Cy twice")
            #expect(outcome.notFound == 3 && outcome.notFoundLines == [6, 7, 12])
            #expect(outcome.invalid == 4 && outcome.invalidLines.map(\.line) == [8, 9, 10, 13])
            #expect(outcome.invalidLines.first?.reason.hasPrefix("email") == true)
            let members = try await services.segments.members(id: list.id, page: try PageRequest(limit: 100), as: actor)
            #expect(Set(members.items.map(\.id)) == [ada.id, bo.id, cy.id])
            #expect(try await services.segments.find(id: list.id, as: actor).memberCount == 3)

            // The file's own source for external ids, when it has no source column.
            let again = try await services.segments.importList(id: list.id, csv: "external_id\n4711\n", source: "shopify", as: actor)
            #expect(again.alreadyMember == 1 && again.added == 0)

            let dynamic = try await services.segments.create(
                SegmentDraft(name: "Everyone", definition: try JSONParser.parse(Array(#"{"all": []}"#.utf8))), as: actor)
            await #expect(throws: RapportError.conflict("Members of a segment follow its definition; import them into a list.")) {
                _ = try await services.segments.importList(id: dynamic.id, csv: "email\nada@example.com\n", as: actor)
            }
            for bad in ["", "name\nAda\n", "email\n"] {
                do {
                    _ = try await services.segments.importList(id: list.id, csv: bad, as: actor)
                    Issue.record("\(bad.debugDescription) must be refused")
                } catch RapportError.invalid(let errors) {
                    #expect(errors.first?.field == "csv")
                }
            }
            let tooLong = "email\n" + String(repeating: "x@example.com\n", count: 100_001)
            await #expect(throws: RapportError.self) { _ = try await services.segments.importList(id: list.id, csv: tooLong, as: actor) }
            await #expect(throws: RapportError.self) {
                _ = try await services.segments.importList(id: list.id, csv: "email\nada@example.com\n", as: Self.agent(services))
            }
            #expect(try await services.segments.find(id: list.id, as: actor).memberCount == 3, "refusals change nothing")
            let imports = try await services.audit.entries(filter: AuditFilter(action: "segment.imported"), page: try PageRequest(), as: actor).items
            #expect(imports.count == 2, "each import that wrote is audited; refusals are not")
            let first = try #require(imports.last)
            #expect(first.subjectID == list.id && first.details["rows"] == "12" && first.details["added"] == "2" && first.details["not_found"] == "3")
        }
    }
}
