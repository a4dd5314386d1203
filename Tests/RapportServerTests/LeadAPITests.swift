import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

/// `/api/v1/companies` and `/api/v1/leads`: companies with their people, leads opened from an
/// enquiry (a new profile or an added enquiry, never a second open lead), their status with a
/// reason to disqualify, conversion into a deal in one transaction, the history on the
/// customer's timeline and in the event log, merges, erasure, the agents' limits, and bad input
/// refused with nothing changed.
@Suite("Companies and leads API")
struct LeadAPITests {
    static func events(_ api: APIHarness) async throws -> [DomainEvent] {
        try await api.services.store.read { session in try await session.events.events(after: 0, limit: 10_000) }.map(\.event)
    }

    static func timeline(_ api: APIHarness, _ customerID: String) async throws -> [[String: Any]] {
        try await api.send(.get, "/api/v1/customers/\(customerID)/timeline").object["data"] as? [[String: Any]] ?? []
    }

    @Test("companies: a domain read from a URL names one company; people have roles and one primary; bad input changes nothing", arguments: TestDatabase.available)
    func companies(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let made = try await api.send(.post, "/api/v1/companies", json: #"{"name": " Hotel Aurora ", "domain": "https://www.Hotel-Aurora.example/rooms", "size": "51-200", "country": "de", "industry": "Hospitality"}"#)
            #expect(made.status == .created, "\(made.text)")
            let companyID = try #require(made.object["id"] as? String)
            #expect(companyID.hasPrefix("com_") && made.object["name"] as? String == "Hotel Aurora" && made.object["domain"] as? String == "hotel-aurora.example")
            #expect(made.object["country"] as? String == "DE" && made.object["size"] as? String == "51-200")

            let taken = try await api.send(.post, "/api/v1/companies", json: #"{"name": "Aurora again", "domain": "hotel-aurora.example"}"#)
            #expect(taken.status == .conflict && taken.text.contains(companyID), "\(taken.text)")
            for bad in [#"{"name": ""}"#, #"{"name": "X", "domain": "not a domain"}"#, #"{"name": "X", "country": "Germany"}"#, #"{"name": "X", "size": "huge"}"#, #"{"name": "X", "customer_id": "cus_1"}"#] {
                let refused = try await api.send(.post, "/api/v1/companies", json: bad)
                #expect(refused.status == .unprocessableContent, "\(bad): \(refused.text)")
            }
            #expect((try await api.send(.get, "/api/v1/companies").object["data"] as? [[String: Any]])?.count == 1, "refused input made nothing")
            #expect((try await api.send(.get, "/api/v1/companies?q=hot").object["data"] as? [[String: Any]])?.count == 1)
            #expect((try await api.send(.get, "/api/v1/companies?q=h%25").object["data"] as? [[String: Any]])?.count == 0, "% is a letter, not a wildcard")

            let anna = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email": "anna@hotel-aurora.example"}"#).object["id"] as? String)
            let ben = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email": "ben@hotel-aurora.example"}"#).object["id"] as? String)
            let first = try await api.send(.post, "/api/v1/companies/\(companyID)/people", json: #"{"customer_id": "\#(anna)", "role": "Purchasing", "primary": true}"#)
            #expect(first.status == .ok && first.object["primary"] as? Bool == true && first.object["role"] as? String == "Purchasing", "\(first.text)")
            #expect(try await api.send(.post, "/api/v1/companies/\(companyID)/people", json: #"{"customer_id": "\#(ben)", "primary": true}"#).status == .ok)
            let people = try #require(try await api.send(.get, "/api/v1/companies/\(companyID)/people").object["data"] as? [[String: Any]])
            #expect(people.map { $0["customer_id"] as? String } == [ben, anna] && people.map { $0["primary"] as? Bool } == [true, false], "one primary: \(people)")
            #expect(try await api.send(.post, "/api/v1/companies/\(companyID)/people", json: #"{"customer_id": "cus_nobody"}"#).status == .unprocessableContent)
            #expect(try await api.send(.delete, "/api/v1/companies/\(companyID)/people/\(ben)").status == .noContent)
            #expect(try await api.send(.delete, "/api/v1/companies/\(companyID)/people/\(ben)").status == .notFound)

            let changed = try await api.send(.patch, "/api/v1/companies/\(companyID)", json: #"{"industry": null, "size": null}"#)
            #expect(changed.object["industry"] is NSNull && changed.object["size"] is NSNull && changed.object["name"] as? String == "Hotel Aurora")

            // A deal names its company; deleting the company keeps the deal without it.
            _ = try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "Wholesale", "currency": "EUR", "stages": [{"name": "Enquiry", "probability": 10}]}"#)
            let deal = try await api.send(.post, "/api/v1/deals", json: #"{"title": "Towels", "amount": 5000, "company_id": "\#(companyID)"}"#)
            #expect(deal.object["company_id"] as? String == companyID, "\(deal.text)")
            #expect((try await api.send(.get, "/api/v1/deals?company_id=\(companyID)").object["data"] as? [[String: Any]])?.count == 1)
            #expect(try await api.send(.post, "/api/v1/deals", json: #"{"title": "T", "amount": 1, "company_id": "com_nothing"}"#).status == .unprocessableContent)
            #expect(try await api.send(.delete, "/api/v1/companies/\(companyID)").status == .noContent)
            #expect(try await api.send(.get, "/api/v1/deals/\(try #require(deal.object["id"] as? String))").object["company_id"] is NSNull)
        }
    }

    @Test("an enquiry opens a lead on the profile its e-mail finds or makes; another adds to it; its history is on the timeline and in the event log", arguments: TestDatabase.available)
    func enquiries(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let opened = try await api.send(.post, "/api/v1/leads", json: #"""
                {"email": "Lena@Cafe-Nord.example", "first_name": "Lena", "company": {"name": "Café Nord", "domain": "cafe-nord.example"}, "role": "Owner",
                 "title": "300 mugs with our logo", "campaign": "trade-fair-2026", "source": "form"}
                """#)
            #expect(opened.status == .created, "\(opened.text)")
            let leadID = try #require(opened.object["id"] as? String)
            let customerID = try #require(opened.object["customer_id"] as? String)
            let companyID = try #require(opened.object["company_id"] as? String)
            #expect(opened.object["status"] as? String == "new" && opened.object["source"] as? String == "form" && opened.object["enquiries"] as? Int == 1)
            let customer = try await api.send(.get, "/api/v1/customers/\(customerID)")
            #expect(customer.text.contains("lena@cafe-nord.example") && customer.object["first_name"] as? String == "Lena", "\(customer.text)")
            let people = try #require(try await api.send(.get, "/api/v1/companies/\(companyID)/people").object["data"] as? [[String: Any]])
            #expect(people.first?["customer_id"] as? String == customerID && people.first?["role"] as? String == "Owner")

            // The same person again, by the same address: one open lead, with two enquiries; the
            // company found by its domain, not made twice.
            let again = try await api.send(.post, "/api/v1/leads", json: #"{"email": "lena@cafe-nord.example", "company": {"name": "Cafe Nord GmbH", "domain": "www.cafe-nord.example"}}"#)
            #expect(again.status == .ok && again.object["id"] as? String == leadID && again.object["enquiries"] as? Int == 2, "\(again.text)")
            #expect((try await api.send(.get, "/api/v1/companies").object["data"] as? [[String: Any]])?.count == 1)
            #expect((try await api.send(.get, "/api/v1/leads?status=open").object["data"] as? [[String: Any]])?.count == 1)
            #expect((try await api.send(.get, "/api/v1/leads?customer_id=\(customerID)&source=form").object["data"] as? [[String: Any]])?.count == 1)

            for bad in [#"{}"#, #"{"customer_id": "\#(customerID)", "email": "x@y.example"}"#, #"{"email": "not-an-address"}"#, #"{"customer_id": "cus_nobody"}"#,
                        #"{"email": "z@y.example", "source": "chat"}"#, #"{"email": "z@y.example", "company": {}}"#, #"{"email": "z@y.example", "company_id": "com_nothing"}"#,
                        #"{"email": "z@y.example", "role": "Buyer"}"#, #"{"customer_id": "\#(customerID)", "first_name": "Other"}"#] {
                let refused = try await api.send(.post, "/api/v1/leads", json: bad)
                #expect(refused.status == .unprocessableContent, "\(bad): \(refused.text)")
            }
            #expect((try await api.send(.get, "/api/v1/leads").object["data"] as? [[String: Any]])?.count == 1, "refused enquiries opened nothing")
            // A company given only by a new domain is made, named by it; a known name gets the domain.
            let byDomain = try await api.send(.post, "/api/v1/leads", json: #"{"email": "max@roastery.example", "company": {"domain": "roastery.example"}}"#)
            let roasteryID = try #require(byDomain.object["company_id"] as? String, "\(byDomain.text)")
            #expect(try await api.send(.get, "/api/v1/companies/\(roasteryID)").object["name"] as? String == "roastery.example")
            _ = try await api.send(.post, "/api/v1/companies", json: #"{"name": "Mill & Co"}"#)
            let byName = try await api.send(.post, "/api/v1/leads", json: #"{"email": "ida@mill.example", "company": {"name": "mill & co", "domain": "mill.example"}}"#)
            let mill = try await api.send(.get, "/api/v1/companies/\(try #require(byName.object["company_id"] as? String))")
            #expect(mill.object["name"] as? String == "Mill & Co" && mill.object["domain"] as? String == "mill.example", "\(mill.text)")
            #expect((try await api.send(.get, "/api/v1/companies").object["data"] as? [[String: Any]])?.count == 3)
            #expect((try await api.send(.get, "/api/v1/customers").object["data"] as? [[String: Any]])?.count == 3, "nor made anyone (Lena, Max and Ida)")

            // Status: disqualifying needs a reason; going back to work clears it; converted is the conversion's.
            let noReason = try await api.send(.patch, "/api/v1/leads/\(leadID)", json: #"{"status": "disqualified"}"#)
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("disqualified_reason"))
            let out = try await api.send(.patch, "/api/v1/leads/\(leadID)", json: #"{"status": "disqualified", "disqualified_reason": "Retail only"}"#)
            #expect(out.object["status"] as? String == "disqualified" && out.object["disqualified_reason"] as? String == "Retail only")
            let back = try await api.send(.patch, "/api/v1/leads/\(leadID)", json: #"{"status": "working"}"#)
            #expect(back.object["status"] as? String == "working" && back.object["disqualified_reason"] is NSNull, "\(back.text)")
            #expect(try await api.send(.patch, "/api/v1/leads/\(leadID)", json: #"{"status": "converted"}"#).status == .unprocessableContent)
            // Disqualified, the lead is not open: a new enquiry opens another, and the first cannot reopen beside it.
            #expect(try await api.send(.patch, "/api/v1/leads/\(leadID)", json: #"{"status": "disqualified", "disqualified_reason": "Duplicate"}"#).status == .ok)
            let second = try await api.send(.post, "/api/v1/leads", json: #"{"customer_id": "\#(customerID)", "title": "Saucers"}"#)
            #expect(second.status == .created && second.object["id"] as? String != leadID)
            let reopened = try await api.send(.patch, "/api/v1/leads/\(leadID)", json: #"{"status": "working"}"#)
            #expect(reopened.status == .conflict && reopened.text.contains(second.object["id"] as? String ?? "?"), "\(reopened.text)")
            #expect(try await api.send(.patch, "/api/v1/leads/\(try #require(second.object["id"] as? String))", json: #"{"status": "disqualified", "disqualified_reason": "Same as before"}"#).status == .ok)
            #expect(try await api.send(.patch, "/api/v1/leads/\(leadID)", json: #"{"status": "working"}"#).status == .ok)
            #expect(try await api.send(.patch, "/api/v1/leads/\(leadID)", json: #"{"disqualified_reason": "Why"}"#).status == .unprocessableContent)
            #expect(try await api.send(.patch, "/api/v1/leads/\(leadID)", json: #"{"customer_id": "\#(customerID)"}"#).status == .unprocessableContent)

            let timeline = try await Self.timeline(api, customerID)
            let kinds = timeline.compactMap { $0["kind"] as? String }
            #expect(kinds.filter { $0.hasPrefix("lead_") }.sorted() == ["lead_created", "lead_created", "lead_enquiry"] + Array(repeating: "lead_status_changed", count: 5), "\(kinds)")
            let created = try #require(timeline.last { $0["kind"] as? String == "lead_created" }, "the first, oldest line")
            #expect(created["channel"] as? String == "web" && created["direction"] as? String == "inbound" && (created["summary"] as? String)?.contains("300 mugs") == true)
            let events = try await Self.events(api)
            #expect(events.filter { $0.type == .leadCreated }.count == 4 && events.filter { $0.type == .leadStatusChanged }.count == 5)
            let change = try #require(events.last { $0.type == .leadStatusChanged })
            #expect(change.payload.contains(#""status":"working""#) && change.payload.contains(#""previous_status":"disqualified""#), "\(change.payload)")
            #expect((try await api.send(.get, "/api/v1/leads?status=open&customer_id=\(customerID)").object["data"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test("a lead converts into a deal on its customer and company, once; the deal counts in its stage's totals; history kept", arguments: TestDatabase.available)
    func conversion(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let pipeline = try await api.send(.post, "/api/v1/pipelines", json: PipelineAPITests.wholesale)
            let pipelineID = try #require(pipeline.object["id"] as? String)
            let lead = try await api.send(.post, "/api/v1/leads", json: #"{"email": "buyer@gifts.example", "company": {"name": "Gifts & Co"}}"#)
            let leadID = try #require(lead.object["id"] as? String)
            let customerID = try #require(lead.object["customer_id"] as? String)

            let refused = try await api.send(.post, "/api/v1/leads/\(leadID)/convert", json: #"{"amount": 120000}"#)
            #expect(refused.status == .unprocessableContent && refused.text.contains("currency"), "the pipeline has no currency yet: \(refused.text)")
            #expect(try await api.send(.get, "/api/v1/leads/\(leadID)").object["status"] as? String == "new", "a refused conversion changes nothing")
            #expect((try await api.send(.get, "/api/v1/deals").object["data"] as? [[String: Any]])?.isEmpty == true)

            let converted = try await api.send(.post, "/api/v1/leads/\(leadID)/convert", json: #"{"pipeline_id": "\#(pipelineID)", "stage": "Proposal", "amount": 120000, "currency": "EUR"}"#)
            #expect(converted.status == .created, "\(converted.text)")
            let deal = try #require(converted.object["deal"] as? [String: Any])
            let after = try #require(converted.object["lead"] as? [String: Any])
            #expect(deal["title"] as? String == "Gifts & Co" && deal["customer_id"] as? String == customerID && deal["lead_id"] as? String == leadID)
            #expect(deal["company_id"] as? String == lead.object["company_id"] as? String)
            #expect(after["status"] as? String == "converted" && after["deal_id"] as? String == deal["id"] as? String && after["converted_at"] is String)
            let read = try await api.send(.get, "/api/v1/pipelines/\(pipelineID)")
            #expect(PipelineAPITests.stage("Proposal", of: read.object)?["total"] as? Int == 120_000)
            try await PipelineAPITests.expectKeptTotals(api, pipelineID: pipelineID, "after a conversion")

            let twice = try await api.send(.post, "/api/v1/leads/\(leadID)/convert", json: #"{"amount": 1}"#)
            #expect(twice.status == .conflict, "\(twice.text)")
            #expect(try await api.send(.patch, "/api/v1/leads/\(leadID)", json: #"{"status": "working"}"#).status == .conflict)
            #expect(try await api.send(.post, "/api/v1/leads/led_nothing/convert", json: #"{}"#).status == .notFound)

            // A converted lead is not open: the next enquiry opens a new lead.
            let next = try await api.send(.post, "/api/v1/leads", json: #"{"customer_id": "\#(customerID)", "title": "Christmas order"}"#)
            #expect(next.status == .created && next.object["id"] as? String != leadID)
            // Without a title or a company, the deal's title names the lead, never the person.
            let anonymous = try await api.send(.post, "/api/v1/leads", json: #"{"email": "noah@home.example", "first_name": "Noah"}"#)
            let anonymousID = try #require(anonymous.object["id"] as? String)
            let plain = try await api.send(.post, "/api/v1/leads/\(anonymousID)/convert", json: #"{"amount": 500}"#)
            #expect((plain.object["deal"] as? [String: Any])?["title"] as? String == "Deal from lead \(anonymousID)", "\(plain.text)")

            let kinds = try await Self.timeline(api, customerID).compactMap { $0["kind"] as? String }
            #expect(kinds.contains("lead_converted"))
            let event = try #require(try await Self.events(api).first { $0.type == .leadConverted })
            #expect(event.payload.contains(#""deal_id":"\#(deal["id"] as? String ?? "")""#))
        }
    }

    @Test("leads follow a merge and come back with an unmerge; an erasure removes them and the person's places, keeping companies and deals", arguments: TestDatabase.available)
    func mergesAndErasure(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let first = try await api.send(.post, "/api/v1/leads", json: #"{"email": "one@studio.example", "company": {"name": "Studio", "domain": "studio.example"}}"#)
            api.clock.advance(by: 60)
            let second = try await api.send(.post, "/api/v1/leads", json: #"{"email": "two@studio.example", "company": {"domain": "studio.example"}}"#)
            let (a, b) = (try #require(first.object["customer_id"] as? String), try #require(second.object["customer_id"] as? String))
            let companyID = try #require(first.object["company_id"] as? String)
            #expect(second.object["company_id"] as? String == companyID)
            let merge = try await api.send(.post, "/api/v1/customers/\(a)/merge", json: #"{"from_customer_id":"\#(b)"}"#)
            let mergeID = try #require(merge.object["id"] as? String, "\(merge.text)")
            let leads = try #require(try await api.send(.get, "/api/v1/leads?customer_id=\(a)").object["data"] as? [[String: Any]])
            #expect(leads.count == 2, "both leads follow the merge")
            // With two open leads after a merge, an enquiry adds to the older one.
            let third = try await api.send(.post, "/api/v1/leads", json: #"{"customer_id": "\#(a)"}"#)
            #expect(third.status == .ok && third.object["id"] as? String == first.object["id"] as? String)
            let people = try #require(try await api.send(.get, "/api/v1/companies/\(companyID)/people").object["data"] as? [[String: Any]])
            #expect(people.count == 1 && people.first?["customer_id"] as? String == a, "one place a person and company: \(people)")

            #expect(try await api.send(.post, "/api/v1/customers/\(a)/unmerge", json: #"{"merge_id":"\#(mergeID)"}"#).status == .ok)
            #expect((try await api.send(.get, "/api/v1/leads?customer_id=\(b)").object["data"] as? [[String: Any]])?.count == 1, "the lead goes back")

            _ = try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "Wholesale", "currency": "EUR", "stages": [{"name": "Enquiry", "probability": 10}]}"#)
            let converted = try await api.send(.post, "/api/v1/leads/\(try #require(second.object["id"] as? String))/convert", json: #"{"amount": 900}"#)
            let dealID = try #require((converted.object["deal"] as? [String: Any])?["id"] as? String, "\(converted.text)")
            let export = try await api.send(.get, "/api/v1/customers/\(b)/export")
            #expect(export.text.contains(try #require(second.object["id"] as? String)) && export.text.contains(companyID), "leads and places are in the export")

            #expect(try await api.send(.post, "/api/v1/customers/\(b)/erase").status == .ok)
            #expect(try await api.send(.get, "/api/v1/leads/\(try #require(second.object["id"] as? String))").status == .notFound)
            let kept = try await api.send(.get, "/api/v1/deals/\(dealID)")
            #expect(kept.status == .ok && kept.object["lead_id"] is NSNull && kept.object["customer_id"] is NSNull && kept.object["company_id"] as? String == companyID)
            #expect(try await api.send(.get, "/api/v1/companies/\(companyID)").status == .ok)
            let remaining = try #require(try await api.send(.get, "/api/v1/companies/\(companyID)/people").object["data"] as? [[String: Any]])
            #expect(remaining.map { $0["customer_id"] as? String } == [a])
        }
    }

    @Test("an agent works their own leads, their team's and unheld ones; a marketer reads them", arguments: TestDatabase.available)
    func agents(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            let rep = try await api.services.users.create(email: "rep1@shop.test", name: "Rep One", role: .agent, password: "sales-password-1", as: operatorActor).user
            let other = try await api.services.users.create(email: "rep2@shop.test", name: "Rep Two", role: .agent, password: "sales-password-2", as: operatorActor).user
            let marketer = try await api.services.users.create(email: "mkt@shop.test", name: "Marketer", role: .marketer, password: "sales-password-3", as: operatorActor).user
            let asRep = Actor.user(rep, teamIDs: [])
            let opened = try await api.services.leads.enquire(LeadEnquiry(email: "lead@bakery.example"), as: asRep)
            #expect(opened.created && opened.lead.ownerID == rep.id, "an agent's enquiry is theirs")
            await #expect(throws: RapportError.forbidden("An agent may change only their own leads, their team's and those no one holds.")) {
                try await api.services.leads.update(id: opened.lead.id, LeadChange(status: .working), as: Actor.user(other, teamIDs: []))
            }
            #expect(try await api.services.leads.update(id: opened.lead.id, LeadChange(status: .working), as: asRep).status == .working)
            let refusedOwner = try await api.send(.patch, "/api/v1/leads/\(opened.lead.id)", json: #"{"owner_id": "\#(marketer.id)"}"#)
            #expect(refusedOwner.status == .unprocessableContent && refusedOwner.text.contains("work leads"))
            await #expect(throws: RapportError.self) {
                try await api.services.leads.enquire(LeadEnquiry(email: "x@y.example"), as: Actor.user(marketer, teamIDs: []))
            }
            #expect(try await api.services.leads.list(page: PageRequest(), as: Actor.user(marketer, teamIDs: [])).items.count == 1)
            // Another rep's enquiry for the same person only counts on the first rep's lead.
            let company = try await api.services.companies.create(CompanyChange(name: "Bakery"), as: .operator(workspaceID: api.workspaceID))
            let added = try await api.services.leads.enquire(LeadEnquiry(email: "lead@bakery.example", companyID: company.id, title: "Other"), as: Actor.user(other, teamIDs: []))
            #expect(!added.created && added.lead.enquiries == 2 && added.lead.title == nil && added.lead.companyID == nil && added.lead.ownerID == rep.id)
            // A company others' work names is a manager's to delete.
            _ = try await api.services.leads.update(id: opened.lead.id, LeadChange(companyID: .some(company.id)), as: asRep)
            await #expect(throws: RapportError.forbidden("Deals or leads name this company: a manager or an admin may delete it.")) {
                try await api.services.companies.delete(id: company.id, as: asRep)
            }
            try await api.services.companies.delete(id: company.id, as: .operator(workspaceID: api.workspaceID))
        }
    }

    @Test("a tracked Lead Created opens a lead on the call's own customer; a browser key cannot name a company or anyone else", arguments: TestDatabase.available)
    func trackedLeads(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let server = try await api.services.keys.create(name: "backend", kind: .server, as: .operator(workspaceID: api.workspaceID)).secret
            let browser = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            let proven = TrackingAPITests.basic(server)
            let identify = #"{"userId": "b2b-7", "traits": {"email": "ines@atelier.example"}}"#
            #expect(try await api.client.execute(uri: "/v1/identify", method: .post, headers: proven, body: ByteBuffer(string: identify)).status == .ok)
            let call = #"""
                {"userId": "b2b-7", "event": "Lead Created", "messageId": "lead-1",
                 "properties": {"title": "Uniforms for 40 staff", "company": "Atelier Ines", "company_domain": "atelier.example", "role": "Founder"},
                 "context": {"campaign": {"name": "spring-b2b"}}}
                """#
            #expect(try await api.client.execute(uri: "/v1/track", method: .post, headers: proven, body: ByteBuffer(string: call)).status == .ok)
            let leads = try #require(try await api.send(.get, "/api/v1/leads?source=tracking").object["data"] as? [[String: Any]])
            let lead = try #require(leads.first, "a server key's Lead Created opens a lead")
            #expect(lead["title"] as? String == "Uniforms for 40 staff" && lead["campaign"] as? String == "spring-b2b" && lead["origin_id"] as? String == "lead-1")
            let companyID = try #require(lead["company_id"] as? String)
            #expect(try await api.send(.get, "/api/v1/companies/\(companyID)").object["domain"] as? String == "atelier.example")
            // The same message again is a duplicate: no second enquiry.
            #expect(try await api.client.execute(uri: "/v1/track", method: .post, headers: proven, body: ByteBuffer(string: call)).status == .ok)
            #expect(try await api.send(.get, "/api/v1/leads/\(try #require(lead["id"] as? String))").object["enquiries"] as? Int == 1)

            // A browser key: a lead on the visitor's own profile only, without the company it names.
            var asserted = TrackingAPITests.basic(browser)
            asserted[.origin] = "https://shop.test"
            // It cannot name the shop's proven customer: no enquiry lands on their lead.
            let forged = #"{"userId": "b2b-7", "event": "Lead Created", "messageId": "lead-forged", "properties": {"title": "Forged"}}"#
            #expect(try await api.client.execute(uri: "/v1/track", method: .post, headers: asserted, body: ByteBuffer(string: forged)).status == .ok)
            let untouched = try await api.send(.get, "/api/v1/leads/\(try #require(lead["id"] as? String))")
            #expect(untouched.object["enquiries"] as? Int == 1 && untouched.object["title"] as? String == "Uniforms for 40 staff")
            let visitor = #"{"anonymousId": "anon-42", "event": "Lead Created", "messageId": "lead-2", "properties": {"company": "Spam Inc", "company_domain": "spam.example", "email": "victim@example.com"}}"#
            #expect(try await api.client.execute(uri: "/v1/track", method: .post, headers: asserted, body: ByteBuffer(string: visitor)).status == .ok)
            #expect((try await api.send(.get, "/api/v1/leads?source=tracking").object["data"] as? [[String: Any]])?.count == 1, "a visitor no profile knows opens none")
            let byEmail = try await api.send(.get, "/api/v1/customers?q=victim%40example.com")
            #expect(!byEmail.text.contains("victim@example.com"), "an address in the properties names no one")
            let known = #"{"anonymousId": "anon-42", "traits": {"email": "visitor@shop.example"}}"#
            #expect(try await api.client.execute(uri: "/v1/identify", method: .post, headers: asserted, body: ByteBuffer(string: known)).status == .ok)
            let again = visitor.replacingOccurrences(of: "lead-2", with: "lead-3")
            #expect(try await api.client.execute(uri: "/v1/track", method: .post, headers: asserted, body: ByteBuffer(string: again)).status == .ok)
            let all = try #require(try await api.send(.get, "/api/v1/leads?source=tracking").object["data"] as? [[String: Any]])
            let visitorLead = try #require(all.first { $0["origin_id"] as? String == "lead-3" }, "the visitor's own profile gets the lead")
            #expect(visitorLead["company_id"] is NSNull && visitorLead["customer_id"] as? String != lead["customer_id"] as? String)
            #expect((try await api.send(.get, "/api/v1/companies").object["data"] as? [[String: Any]])?.count == 1, "no company from a browser key")
        }
    }

    @Test("a form with a lead option opens a lead on the visitor's own profile, never on the address they typed", arguments: TestDatabase.available)
    func formLeads(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let browser = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            let form = try await api.send(.post, "/api/v1/forms", json: """
                {"name": "Trade account", "status": "live", "allowed_origins": ["\(FormAPITests.shop)"], "lead": {"title": "Trade account request", "campaign": "trade-page"},
                 "questions": [{"key": "email", "label": "E-mail", "kind": "email", "required": true}, {"key": "volume", "label": "Units a month", "kind": "number", "required": true, "attribute": "monthly_volume"}]}
                """)
            let formID = try #require(form.object["id"] as? String, "\(form.text)")
            #expect((form.object["lead"] as? [String: Any])?["campaign"] as? String == "trade-page")
            let tooLong = try await api.send(.put, "/api/v1/forms/\(formID)", json: #"{"name": "Trade account", "lead": {"title": "\#(String(repeating: "x", count: 201))"}}"#)
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains("lead.title"), "\(tooLong.text)")

            let answered = try await FormAPITests.submit(api, key: browser, form: formID, #"{"answers": {"email": "owner@shop-b.example", "volume": 400}, "anonymous_id": "v-77"}"#)
            #expect(answered.status == .created, "\(answered.text)")
            let leads = try #require(try await api.send(.get, "/api/v1/leads?source=form").object["data"] as? [[String: Any]])
            let lead = try #require(leads.first, "the answer opened a lead")
            #expect(lead["title"] as? String == "Trade account request" && lead["campaign"] as? String == "trade-page")
            let response = try #require(try await FormAPITests.answers(api, form: formID).first)
            #expect(lead["customer_id"] as? String == response["customer_id"] as? String && lead["origin_id"] as? String == response["id"] as? String)
            let customer = try await api.send(.get, "/api/v1/customers/\(try #require(lead["customer_id"] as? String))")
            #expect(!customer.text.contains("owner@shop-b.example"), "the typed address stays off the profile")

            let again = try await FormAPITests.submit(api, key: browser, form: formID, #"{"answers": {"email": "owner@shop-b.example", "volume": 500}, "anonymous_id": "v-77"}"#)
            #expect(again.status == .created)
            #expect(try await api.send(.get, "/api/v1/leads/\(try #require(lead["id"] as? String))").object["enquiries"] as? Int == 2)
        }
    }

    @Test("a sales inbox (opens_leads on) opens a lead for each new e-mail conversation on its sender's profile; a support inbox opens none", arguments: TestDatabase.available)
    func salesInbox(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let support = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel": "email", "name": "Support", "settings": {"address": "support@shop.test", "smtp_host": "mail.shop.example", "inbound_token": "support-token"}}"#)
            let supportID = try #require(support.object["id"] as? String, "\(support.text)")
            let refused = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel": "email", "name": "Sales", "settings": {"address": "sales@shop.test", "smtp_host": "mail.shop.example", "opens_leads": "yes"}}"#)
            #expect(refused.status == .unprocessableContent && refused.text.contains("opens_leads"))
            let sales = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel": "email", "name": "Sales", "settings": {"address": "sales@shop.test", "smtp_host": "mail.shop.example", "inbound_token": "sales-token", "opens_leads": "on"}}"#)
            let salesID = try #require(sales.object["id"] as? String, "\(sales.text)")

            let mail = { (to: String, id: String) in
                "From: Pia Berg <pia@boutique.example>\r\nTo: \(to)\r\nSubject: Stocking your candles in our boutique\r\nMessage-ID: <\(id)@boutique.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWhat are your trade prices for 50 candles?\r\n"
            }
            #expect(try await EmailChannelTests.postRaw(api, inboxID: supportID, mail("support@shop.test", "s1"), token: "support-token").status == .ok)
            #expect((try await api.send(.get, "/api/v1/leads").object["data"] as? [[String: Any]])?.isEmpty == true, "a support inbox opens no lead")
            #expect(try await EmailChannelTests.postRaw(api, inboxID: salesID, mail("sales@shop.test", "q1"), token: "sales-token").status == .ok)
            let lead = try #require((try await api.send(.get, "/api/v1/leads?source=email").object["data"] as? [[String: Any]])?.first)
            let conversation = try #require((try await api.send(.get, "/api/v1/conversations?inbox_id=\(salesID)").object["data"] as? [[String: Any]])?.first)
            #expect(lead["customer_id"] as? String == conversation["customer_id"] as? String && lead["origin_id"] as? String == conversation["id"] as? String)
            #expect(lead["title"] as? String == "Stocking your candles in our boutique")
            // A conversation the team starts from the sales inbox is no enquiry.
            let prospect = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email": "olaf@shop-c.example"}"#).object["id"] as? String)
            let started = try await api.send(.post, "/api/v1/conversations", json: #"{"inbox_id": "\#(salesID)", "customer_id": "\#(prospect)", "message": {"text": "Our new trade catalogue"}}"#)
            #expect(started.status == .created, "\(started.text)")
            #expect((try await api.send(.get, "/api/v1/leads").object["data"] as? [[String: Any]])?.count == 1, "the team's own mail opens no lead")
        }
    }
}
