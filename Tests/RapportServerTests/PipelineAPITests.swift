import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

/// `/api/v1/pipelines` and `/api/v1/deals`: stage totals and weighted totals as the acceptance
/// contract reads them, the forecast, stage moves (won, lost, reopened, another pipeline), the
/// kept totals equal to the deals' sums after every path, and bad input refused with nothing
/// changed.
@Suite("Pipelines and deals API")
struct PipelineAPITests {
    static let wholesale = #"""
        {"name": "Wholesale", "stages": [{"name": "Enquiry", "probability": 10}, {"name": "Proposal", "probability": 50},
         {"name": "Negotiation", "probability": 75, "stuck_after_days": 14}]}
        """#

    /// The stage of this name in a pipeline response.
    static func stage(_ name: String, of pipeline: [String: Any]) -> [String: Any]? {
        (pipeline["stages"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    /// Fails unless the kept totals equal those summed from the deals.
    static func expectKeptTotals(_ api: APIHarness, pipelineID: String, _ comment: Comment) async throws {
        let check = try await api.services.pipelines.checkTotals(pipelineID: pipelineID, workspaceID: api.workspaceID)
        #expect(check.kept == check.computed, comment)
    }

    @Test("a pipeline's stages carry total and weighted_total; the forecast sums the open stages; other currencies stand apart", arguments: TestDatabase.available)
    func totals(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/pipelines", json: Self.wholesale)
            #expect(created.status == .created, "\(created.text)")
            let pipelineID = try #require(created.object["id"] as? String)
            let names = (created.object["stages"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["Enquiry", "Proposal", "Negotiation", "Won", "Lost"], "a Won and a Lost stage close every pipeline")
            #expect(Self.stage("Won", of: created.object)?["probability"] as? Int == 100 && Self.stage("Lost", of: created.object)?["kind"] as? String == "lost")
            #expect(created.object["currency"] is NSNull)

            for (title, stage, amount) in [("200 mugs", "Proposal", 150_000), ("Hotel linen", "Proposal", 150_001), ("Gift boxes", "Enquiry", 125), ("Tiles", "Enquiry", 135)] {
                let deal = try await api.send(.post, "/api/v1/deals", json: """
                    {"title": "\(title)", "pipeline_id": "\(pipelineID)", "stage": "\(stage)", "amount": \(amount), "currency": "EUR"}
                    """)
                #expect(deal.status == .created && deal.object["status"] as? String == "open", "\(deal.text)")
            }
            let usd = try await api.send(.post, "/api/v1/deals", json: #"{"title": "US importer", "pipeline_id": "\#(pipelineID)", "stage": "proposal", "amount": 9900, "currency": "usd"}"#)
            #expect(usd.status == .created && usd.object["currency"] as? String == "USD", "\(usd.text)")

            let read = try await api.send(.get, "/api/v1/pipelines/\(pipelineID)")
            #expect(read.object["currency"] as? String == "EUR", "the first deal set the currency")
            let proposal = try #require(Self.stage("Proposal", of: read.object))
            #expect(proposal["total"] as? Int == 300_001 && proposal["weighted_total"] as? Int == 150_000 && proposal["deals"] as? Int == 2, "\(proposal)")
            // 260 × 10 % = 26; the weighted total is rounded once per stage, not per deal (12.5 + 13.5).
            let enquiry = try #require(Self.stage("Enquiry", of: read.object))
            #expect(enquiry["total"] as? Int == 260 && enquiry["weighted_total"] as? Int == 26)
            let others = try #require(proposal["other_currencies"] as? [[String: Any]])
            #expect(others.count == 1 && others.first?["currency"] as? String == "USD" && others.first?["total"] as? Int == 9900 && others.first?["weighted_total"] as? Int == 4950)
            #expect(read.object["forecast"] as? Int == 150_026 && read.object["open_total"] as? Int == 300_261 && read.object["open_deals"] as? Int == 4)

            // Half to even: 125 × 10 % = 12.5 → 12 alone; 135 → 13.5 → 14.
            #expect(PipelineStage(id: "s", pipelineID: "p", name: "s", position: 0, probability: 10).weighted(125) == 12)
            #expect(PipelineStage(id: "s", pipelineID: "p", name: "s", position: 0, probability: 10).weighted(135) == 14)

            let listed = try await api.send(.get, "/api/v1/pipelines")
            #expect((listed.object["data"] as? [[String: Any]])?.first?["id"] as? String == pipelineID)
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after the deals were made")
        }
    }

    @Test("deals move between stages, win, lose, reopen to the stage they left and change pipeline; every path keeps the totals equal to the deals'", arguments: TestDatabase.available)
    func stageMoves(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let pipeline = try await api.send(.post, "/api/v1/pipelines", json: Self.wholesale)
            let pipelineID = try #require(pipeline.object["id"] as? String)
            let negotiationID = try #require(Self.stage("Negotiation", of: pipeline.object)?["id"] as? String)
            let made = try await api.send(.post, "/api/v1/deals", json: #"{"title": "Café chain", "pipeline_id": "\#(pipelineID)", "amount": 40000, "currency": "EUR"}"#)
            let dealID = try #require(made.object["id"] as? String)
            #expect(made.object["stage_id"] as? String == Self.stage("Enquiry", of: pipeline.object)?["id"] as? String, "a deal starts in the first open stage")

            api.clock.advance(by: 3_600)
            let moved = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"stage_id": "\#(negotiationID)", "next_step": "Send the contract"}"#)
            #expect(moved.status == .ok && moved.object["stage_id"] as? String == negotiationID && moved.object["next_step"] as? String == "Send the contract", "\(moved.text)")
            #expect(moved.object["stage_entered_at"] as? String != made.object["stage_entered_at"] as? String)
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after a move")

            let won = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"status": "won", "close_reason": "Best price"}"#)
            #expect(won.object["status"] as? String == "won" && won.object["closed_at"] is String && won.object["stage_id"] as? String == Self.stage("Won", of: pipeline.object)?["id"] as? String)
            let afterWin = try await api.send(.get, "/api/v1/pipelines/\(pipelineID)")
            #expect(Self.stage("Won", of: afterWin.object)?["total"] as? Int == 40_000 && afterWin.object["forecast"] as? Int == 0)
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after a win")

            let reopened = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"status": "open"}"#)
            #expect(reopened.object["stage_id"] as? String == negotiationID && reopened.object["closed_at"] is NSNull && reopened.object["close_reason"] is NSNull, "\(reopened.text)")
            let amount = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"amount": 48000}"#)
            #expect(amount.object["amount"] as? Int == 48_000)
            let afterAmount = try await api.send(.get, "/api/v1/pipelines/\(pipelineID)")
            #expect(Self.stage("Negotiation", of: afterAmount.object)?["weighted_total"] as? Int == 36_000 && afterAmount.object["forecast"] as? Int == 36_000)
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after a reopening and a new amount")

            let lost = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"stage": "Lost", "close_reason": "Went with a competitor"}"#)
            #expect(lost.object["status"] as? String == "lost" && lost.object["close_reason"] as? String == "Went with a competitor")
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after a loss")
            let disagreeing = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"stage": "Proposal", "status": "won"}"#)
            #expect(disagreeing.status == .unprocessableContent && disagreeing.text.contains("status"))

            let moves = try await api.send(.get, "/api/v1/deals/\(dealID)/moves")
            let names = Dictionary(uniqueKeysWithValues: (pipeline.object["stages"] as? [[String: Any]] ?? []).compactMap { stage in
                (stage["id"] as? String).map { ($0, stage["name"] as? String ?? "") }
            })
            let path = (moves.object["data"] as? [[String: Any]])?.map { move in
                (names[move["from_stage_id"] as? String ?? ""] ?? "-") + ">" + (names[move["to_stage_id"] as? String ?? ""] ?? "?")
            }
            #expect(path == ["->Enquiry", "Enquiry>Negotiation", "Negotiation>Won", "Won>Negotiation", "Negotiation>Lost"], "made, moved, won, reopened, lost: \(moves.text)")

            // Another pipeline: the deal starts there in the first open stage; both pipelines' totals follow.
            let second = try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "Gifting", "currency": "EUR", "stages": [{"name": "Brief", "probability": 20}]}"#)
            let secondID = try #require(second.object["id"] as? String)
            let transferred = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"pipeline_id": "\#(secondID)"}"#)
            #expect(transferred.object["pipeline_id"] as? String == secondID && transferred.object["status"] as? String == "open", "\(transferred.text)")
            let gifting = try await api.send(.get, "/api/v1/pipelines/\(secondID)")
            #expect(Self.stage("Brief", of: gifting.object)?["total"] as? Int == 48_000 && gifting.object["forecast"] as? Int == 9_600)
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "the first pipeline after the deal left")
            try await Self.expectKeptTotals(api, pipelineID: secondID, "the second pipeline after the deal came")

            #expect(try await api.send(.delete, "/api/v1/pipelines/\(secondID)").status == .conflict, "a pipeline with deals stays")
            #expect(try await api.send(.delete, "/api/v1/deals/\(dealID)").status == .noContent)
            #expect(try await api.send(.get, "/api/v1/deals/\(dealID)").status == .notFound)
            let emptied = try await api.send(.get, "/api/v1/pipelines/\(secondID)")
            #expect(Self.stage("Brief", of: emptied.object)?["total"] as? Int == 0 && emptied.object["open_deals"] as? Int == 0)
            try await Self.expectKeptTotals(api, pipelineID: secondID, "after the delete")
            #expect(try await api.send(.delete, "/api/v1/pipelines/\(secondID)").status == .noContent)
            #expect(try await api.send(.get, "/api/v1/pipelines/\(secondID)").status == .notFound)
        }
    }

    @Test("a customer's deals follow a merge and outlive an erasure without the person; the totals stay and a rebuild agrees", arguments: TestDatabase.available)
    func customersMergedAndErased(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let pipeline = try await api.send(.post, "/api/v1/pipelines", json: Self.wholesale)
            let pipelineID = try #require(pipeline.object["id"] as? String)
            let a = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email": "buyer@hotel.example"}"#).object["id"] as? String)
            let b = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email": "purchasing@hotel.example"}"#).object["id"] as? String)
            let deal = try await api.send(.post, "/api/v1/deals", json: #"{"title": "Hotel linen", "amount": 70000, "currency": "EUR", "customer_id": "\#(b)"}"#)
            let dealID = try #require(deal.object["id"] as? String, "\(deal.text)")
            #expect(deal.object["pipeline_id"] as? String == pipelineID, "without a pipeline_id the workspace's first")
            #expect(try await api.send(.post, "/api/v1/customers/\(a)/merge", json: #"{"from_customer_id":"\#(b)"}"#).status == .created)
            #expect(try await api.send(.get, "/api/v1/deals/\(dealID)").object["customer_id"] as? String == a)
            let byCustomer = try await api.send(.get, "/api/v1/deals?customer_id=\(a)")
            #expect((byCustomer.object["data"] as? [[String: Any]])?.count == 1)
            let export = try await api.send(.get, "/api/v1/customers/\(a)/export")
            #expect(export.text.contains(dealID), "a customer's deals are in their export")

            #expect(try await api.send(.post, "/api/v1/customers/\(a)/erase").status == .ok)
            let kept = try await api.send(.get, "/api/v1/deals/\(dealID)")
            #expect(kept.status == .ok && kept.object["customer_id"] is NSNull && kept.object["amount"] as? Int == 70_000)
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after an erasure")
            #expect(try await api.services.pipelines.rebuildTotals(workspaceID: api.workspaceID) >= 1)
            let rebuilt = try await api.send(.get, "/api/v1/pipelines/\(pipelineID)")
            #expect(Self.stage("Enquiry", of: rebuilt.object)?["total"] as? Int == 70_000)
        }
    }

    @Test("cards go on top, after or before another card; a column reads on by cursor in board order; a crowded gap renumbers the stage", arguments: TestDatabase.available)
    func boardOrder(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let pipeline = try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "Custom orders", "currency": "EUR", "stages": [{"name": "New", "probability": 20}, {"name": "Quoted", "probability": 60}]}"#)
            let pipelineID = try #require(pipeline.object["id"] as? String)
            let newID = try #require(Self.stage("New", of: pipeline.object)?["id"] as? String)
            func make(_ title: String) async throws -> String {
                try #require(try await api.send(.post, "/api/v1/deals", json: #"{"title": "\#(title)", "amount": 1000}"#).object["id"] as? String)
            }
            let a = try await make("A")
            let b = try await make("B")
            let c = try await make("C")
            func column() async throws -> [String] {
                let board = try await api.send(.get, "/api/v1/pipelines/\(pipelineID)/board")
                let columns = try #require(board.object["columns"] as? [[String: Any]], "\(board.text)")
                return (columns.first { $0["stage_id"] as? String == newID }?["deals"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            }
            #expect(try await column() == [c, b, a], "new cards go on top")
            #expect(try await api.send(.patch, "/api/v1/deals/\(c)", json: #"{"after_id": "\#(a)"}"#).status == .ok)
            #expect(try await column() == [b, a, c])
            #expect(try await api.send(.patch, "/api/v1/deals/\(c)", json: #"{"before_id": "\#(a)"}"#).status == .ok)
            #expect(try await column() == [b, c, a])
            let notThere = try await api.send(.patch, "/api/v1/deals/\(c)", json: #"{"after_id": "dea_01M00000000000000000000000"}"#)
            #expect(notThere.status == .unprocessableContent && notThere.text.contains("after_id"))

            // Each new card goes right after B: the gap after B halves each time until the stage is renumbered.
            var expected = [b, c, a]
            for index in 0..<40 {
                let id = try await make("N\(index)")
                let placed = try await api.send(.patch, "/api/v1/deals/\(id)", json: #"{"after_id": "\#(b)"}"#)
                #expect(placed.status == .ok, "\(placed.text)")
                expected.insert(id, at: 1)
            }
            let column = try await api.send(.get, "/api/v1/deals?stage_id=\(newID)&limit=100")
            let positions = (column.object["data"] as? [[String: Any]])?.compactMap { $0["position"] as? Double } ?? []
            #expect(positions.count == 43 && zip(positions, positions.dropFirst()).allSatisfy { $1 - $0 >= 1e-6 }, "40 halvings (1024 ÷ 2⁴⁰ < 10⁻⁶) renumbered the stage: \(positions.prefix(5))")
            let page = try await api.send(.get, "/api/v1/pipelines/\(pipelineID)/board?limit=10")
            let first = try #require((page.object["columns"] as? [[String: Any]])?.first)
            #expect((first["deals"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == Array(expected.prefix(10)) && first["has_more"] as? Bool == true)
            var read: [String] = []
            var cursor: String?
            repeat {
                let next = try await api.send(.get, "/api/v1/deals?stage_id=\(newID)&limit=7" + (cursor.map { "&starting_after=\($0)" } ?? ""))
                read += (next.object["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                cursor = next.object["next_starting_after"] as? String
            } while cursor != nil
            #expect(read == expected, "the column reads on in board order")
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after the moves within a stage")
        }
    }

    @Test("bad pipelines and deals are a 422 naming the field, conflicts a 409, and nothing changes", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            for (body, field) in [
                (#"{"name": "X"}"#, "stages"), (#"{"stages": [{"name": "A", "probability": 10}]}"#, "name"),
                (#"{"name": "X", "stages": [{"name": "A", "probability": 150}]}"#, "probability"),
                (#"{"name": "X", "stages": [{"name": "A"}]}"#, "probability"),
                (#"{"name": "X", "stages": [{"name": "A", "probability": 10}, {"name": "a", "probability": 20}]}"#, "stages"),
                (#"{"name": "X", "stages": [{"name": "A", "probability": 10}, {"name": "Done", "kind": "won", "probability": 90}]}"#, "probability"),
                (#"{"name": "X", "stages": [{"name": "A", "probability": 10, "colour": "red"}]}"#, "colour"),
                (#"{"name": "X", "currency": "EURO", "stages": [{"name": "A", "probability": 10}]}"#, "currency"),
                (#"{"name": "X", "stages": [{"name": "Won", "kind": "won"}]}"#, "open stage"),
            ] {
                let refused = try await api.send(.post, "/api/v1/pipelines", json: body)
                #expect(refused.status == .unprocessableContent && refused.text.contains(field), "\(body): \(refused.text)")
            }
            #expect((try await api.send(.get, "/api/v1/pipelines").object["data"] as? [Any])?.isEmpty == true, "no refused pipeline was made")
            let noPipeline = try await api.send(.post, "/api/v1/deals", json: #"{"title": "Early", "amount": 10, "currency": "EUR"}"#)
            #expect(noPipeline.status == .unprocessableContent && noPipeline.text.contains("pipeline_id"))

            let fractions = try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "Fractions", "stages": [{"name": "Lead", "probability": 0.1}, {"name": "Offer", "probability": 0.55}]}"#)
            #expect(fractions.status == .created && Self.stage("Offer", of: fractions.object)?["probability"] as? Int == 55, "\(fractions.text)")
            let pipelineID = try #require(fractions.object["id"] as? String)
            #expect(try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "fractions", "stages": [{"name": "A", "probability": 1}]}"#).status == .conflict)

            let deal = try await api.send(.post, "/api/v1/deals", json: #"{"title": "Bulk", "pipeline_id": "\#(pipelineID)", "stage": "Offer", "amount": 5000}"#)
            #expect(deal.status == .unprocessableContent && deal.text.contains("currency"), "the pipeline has no currency yet: \(deal.text)")
            let made = try await api.send(.post, "/api/v1/deals", json: #"{"title": "Bulk", "pipeline_id": "\#(pipelineID)", "stage": "Offer", "amount": 5000, "currency": "EUR"}"#)
            let dealID = try #require(made.object["id"] as? String)
            for (body, field) in [
                (#"{"stage": "Shipped"}"#, "stage"), (#"{"amount": -1}"#, "amount"), (#"{"currency": "EURO"}"#, "currency"), (#"{"title": ""}"#, "title"),
                (#"{"status": "maybe"}"#, "status"), (#"{"expected_close_on": "2026-02-30"}"#, "expected_close_on"), (#"{"owner_id": "usr_01M00000000000000000000000"}"#, "owner_id"),
                (#"{"customer_id": "cus_01M00000000000000000000000"}"#, "customer_id"), (#"{"after_id": "x", "before_id": "y"}"#, "before_id"),
                (#"{"lines": [{"name": "Mugs", "quantity": 0, "unit_price": 100}]}"#, "quantity"), (#"{"lines": [{"quantity": 2}]}"#, "name"),
                (#"{"lines": [{"name": "Mugs", "quantity": 2, "unit_price": 100}], "amount": 7}"#, "amount"), (#"{"pipeline_id": "pip_01M00000000000000000000000"}"#, "pipeline_id"),
            ] {
                let refused = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: body)
                #expect(refused.status == .unprocessableContent && refused.text.contains(field), "\(body): \(refused.text)")
            }
            let unchanged = try await api.send(.get, "/api/v1/deals/\(dealID)")
            #expect(unchanged.object["amount"] as? Int == 5000 && unchanged.object["title"] as? String == "Bulk" && (unchanged.object["lines"] as? [Any])?.isEmpty == true)
            #expect(unchanged.object["stage_id"] as? String == made.object["stage_id"] as? String && unchanged.object["currency"] as? String == "EUR")
            #expect(unchanged.object["owner_id"] is NSNull && unchanged.object["customer_id"] is NSNull && unchanged.object["updated_at"] as? String == made.object["updated_at"] as? String)
            for key in ["stage", "amount", "currency", "pipeline_id"] {
                let null = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"\#(key)": null}"#)
                #expect(null.status == .unprocessableContent && null.text.contains(key), "\(key): null is refused, not ignored")
            }
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after refused changes")

            // A stage with deals keeps its kind and is not removed; one without may go.
            let current = try await api.send(.get, "/api/v1/pipelines/\(pipelineID)")
            let stages = try #require(current.object["stages"] as? [[String: Any]])
            let offer = try #require(stages.first { $0["name"] as? String == "Offer" })
            let lead = try #require(stages.first { $0["name"] as? String == "Lead" })
            let removing = try await api.send(.patch, "/api/v1/pipelines/\(pipelineID)", json: #"{"stages": [{"id": "\#(lead["id"]!)", "name": "Lead", "probability": 10}]}"#)
            #expect(removing.status == .conflict && removing.text.contains("Offer"), "\(removing.text)")
            let reshaped = try await api.send(.patch, "/api/v1/pipelines/\(pipelineID)", json: """
                {"name": "Bulk buyers", "stages": [{"id": "\(offer["id"]!)", "name": "Offer sent", "probability": 40}, {"name": "Verbal yes", "probability": 90}]}
                """)
            #expect(reshaped.status == .ok, "\(reshaped.text)")
            let names = (reshaped.object["stages"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["Offer sent", "Verbal yes", "Won", "Lost"] && reshaped.object["name"] as? String == "Bulk buyers", "the empty Lead went, Won and Lost came back: \(names ?? [])")
            #expect(Self.stage("Offer sent", of: reshaped.object)?["weighted_total"] as? Int == 2000 && Self.stage("Offer sent", of: reshaped.object)?["total"] as? Int == 5000)
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after the reshape")
            // A kept stage given by its id alone keeps its name, kind and probability.
            let won = try #require(Self.stage("Won", of: reshaped.object)?["id"] as? String)
            let offerID = try #require(offer["id"] as? String)
            let partial = try await api.send(.patch, "/api/v1/pipelines/\(pipelineID)", json: #"{"stages": [{"id": "\#(offerID)", "stuck_after_days": 9}, {"id": "\#(won)"}]}"#)
            #expect(partial.status == .ok, "\(partial.text)")
            #expect(Self.stage("Won", of: partial.object)?["kind"] as? String == "won" && Self.stage("Offer sent", of: partial.object)?["probability"] as? Int == 40)
            #expect(Self.stage("Offer sent", of: partial.object)?["stuck_after_days"] as? Int == 9 && (partial.object["stages"] as? [Any])?.count == 3, "Verbal yes went; Lost came back")
        }
    }

    @Test("lines price a deal from the catalogue; an agent changes only their own, their team's or unowned deals", arguments: TestDatabase.available)
    func linesAndOwners(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await api.send(.post, "/api/v1/pipelines", json: #"{"name": "Wholesale", "currency": "EUR", "stages": [{"name": "Quote", "probability": 30}]}"#)
            let product = try await api.send(.post, "/api/v1/products", json: #"{"title": "Mug", "sku": "MUG-1", "price": 450, "currency": "EUR"}"#)
            let productID = try #require(product.object["id"] as? String, "\(product.text)")
            let deal = try await api.send(.post, "/api/v1/deals", json: """
                {"title": "Mugs for a café", "lines": [{"product_id": "\(productID)", "quantity": 200}, {"name": "Logo print", "quantity": 1, "unit_price": 5000}]}
                """)
            #expect(deal.status == .created && deal.object["amount"] as? Int == 95_000, "\(deal.text)")
            let pipelineID = try #require(deal.object["pipeline_id"] as? String)
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after a deal priced by its lines")
            let lines = try #require(deal.object["lines"] as? [[String: Any]])
            #expect(lines.first?["name"] as? String == "Mug" && lines.first?["unit_price"] as? Int == 450 && lines.first?["amount"] as? Int == 90_000)
            let dealID = try #require(deal.object["id"] as? String)
            let byHand = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"amount": 1}"#)
            #expect(byHand.status == .unprocessableContent && byHand.text.contains("lines"))
            let cleared = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"lines": [], "amount": 80000}"#)
            #expect(cleared.object["amount"] as? Int == 80_000 && (cleared.object["lines"] as? [Any])?.isEmpty == true)
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after the lines went")
            let dollars = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"currency": "USD"}"#)
            #expect(dollars.object["currency"] as? String == "USD")
            let apart = try await api.send(.get, "/api/v1/pipelines/\(pipelineID)")
            #expect(Self.stage("Quote", of: apart.object)?["total"] as? Int == 0 && (Self.stage("Quote", of: apart.object)?["other_currencies"] as? [[String: Any]])?.first?["total"] as? Int == 80_000)
            try await Self.expectKeptTotals(api, pipelineID: pipelineID, "after a currency change")
            #expect(try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"currency": "EUR"}"#).status == .ok)

            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            let first = try await api.services.users.create(email: "rep1@shop.test", name: "Rep One", role: .agent, password: "sales-password-1", as: operatorActor).user
            let second = try await api.services.users.create(email: "rep2@shop.test", name: "Rep Two", role: .agent, password: "sales-password-2", as: operatorActor).user
            let marketer = try await api.services.users.create(email: "mkt@shop.test", name: "Marketer", role: .marketer, password: "sales-password-3", as: operatorActor).user
            let refusedOwner = try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"owner_id": "\#(marketer.id)"}"#)
            #expect(refusedOwner.status == .unprocessableContent && refusedOwner.text.contains("work deals"))
            #expect(try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"owner_id": "\#(first.id)"}"#).status == .ok)
            let asSecond = Actor.user(second, teamIDs: [])
            await #expect(throws: RapportError.forbidden("An agent may change only their own deals, their team's and those no one holds.")) {
                try await api.services.deals.update(id: dealID, DealChange(amount: 1), as: asSecond)
            }
            // Signed in, the same refusal is a 403 over HTTP.
            let session = try await api.services.users.signIn(email: "rep2@shop.test", password: "sales-password-2")
            var signedIn = HTTPFields()
            signedIn[.cookie] = "rapport_session=\(session.token)"
            signedIn[HTTPField.Name("X-CSRF-Token")!] = session.session.csrfToken
            signedIn[.contentType] = "application/json"
            let refused = try await api.client.execute(uri: "/api/v1/deals/\(dealID)", method: .patch, headers: signedIn, body: ByteBuffer(string: #"{"amount": 1}"#))
            #expect(refused.status == .forbidden, "\(refused.text)")
            // A deal of the second rep's team is theirs to work too; one held by no one, anyone's.
            let team = try #require(try await api.send(.post, "/api/v1/teams", json: #"{"name": "Wholesale desk"}"#).object["id"] as? String)
            #expect(try await api.send(.patch, "/api/v1/deals/\(dealID)", json: #"{"team_id": "\#(team)"}"#).status == .ok)
            let viaTeam = try await api.services.deals.update(id: dealID, DealChange(nextStep: .some("Team follow-up")), as: Actor.user(second, teamIDs: [team]))
            #expect(viaTeam.nextStep == "Team follow-up")
            let unheld = try await api.services.deals.create(DealChange(title: "Walk-in", ownerID: .some(nil)), as: operatorActor)
            #expect(unheld.ownerID == nil && unheld.teamID == nil)
            #expect(try await api.services.deals.update(id: unheld.id, DealChange(nextStep: .some("Call")), as: asSecond).nextStep == "Call")
            let asFirst = Actor.user(first, teamIDs: [])
            let changed = try await api.services.deals.update(id: dealID, DealChange(nextStep: .some("Call back")), as: asFirst)
            #expect(changed.nextStep == "Call back")
            let own = try await api.services.deals.create(DealChange(title: "Own lead"), as: asSecond)
            #expect(own.ownerID == second.id, "a rep's new deal is theirs")
            await #expect(throws: RapportError.self) { try await api.services.deals.create(DealChange(title: "Nope"), as: Actor.user(marketer, teamIDs: [])) }
            #expect(try await api.services.deals.list(page: try PageRequest(limit: 10), as: Actor.user(marketer, teamIDs: [])).items.count == 3, "a marketer reads deals")
        }
    }

    @Test("concurrent moves, amount changes and a reshape of the pipeline leave the kept totals equal to the deals' sums", arguments: TestDatabase.available)
    func concurrentWrites(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let actor = Actor.operator(workspaceID: api.workspaceID)
            let drafts = ["A", "B", "C"].enumerated().map { PipelineStageDraft(name: $1, probability: 20 * ($0 + 1)) }
            let pipeline = try await api.services.pipelines.create(PipelineDraft(name: "Busy", currency: "EUR", stages: drafts), as: actor).pipeline
            var deals: [String] = []
            for index in 0..<6 { deals.append(try await api.services.deals.create(DealChange(title: "Deal \(index)", amount: 1_000), as: actor).id) }
            let stages = pipeline.stages.map(\.id)
            let ids = deals
            let services = api.services
            try await withThrowingTaskGroup(of: Void.self) { group in
                for round in 0..<36 {
                    group.addTask {
                        let deal = ids[round % ids.count]
                        let change = round % 3 == 0
                            ? DealChange(amount: Int64(1_000 + round)) : DealChange(stage: stages[(round / 2) % stages.count], placement: round % 2 == 0 ? .top : nil)
                        do {
                            _ = try await services.deals.update(id: deal, change, as: actor)
                        } catch RapportError.conflict {
                            // Lost the race even after the retries: nothing of it was written.
                        }
                    }
                }
                group.addTask {
                    let kept = pipeline.stages.map { PipelineStageDraft(id: $0.id, name: $0.name + " stage") }
                    _ = try await services.pipelines.update(id: pipeline.id, PipelineDraft(stages: kept), as: actor)
                }
                try await group.waitForAll()
            }
            try await Self.expectKeptTotals(api, pipelineID: pipeline.id, "after concurrent writes")
            let overview = try await api.services.pipelines.find(id: pipeline.id, as: actor)
            #expect(overview.stages.reduce(0) { $0 + $1.deals } == 6 && overview.stages.allSatisfy { $0.stage.name.hasSuffix(" stage") })
        }
    }
}
