import Foundation
import RapportCore
import SQLKit

extension SQLSalesRepository {
    static let dealColumns = [
        "id", "workspace_id", "pipeline_id", "stage_id", "title", "amount", "currency", "expected_close_on", "owner_id", "team_id", "customer_id",
        "company_id", "lead_id", "next_step", "status", "close_reason", "position", "stage_entered_at", "closed_at", "created_by", "created_at", "updated_at",
    ]

    func deal(id: String, workspaceID: String) async throws -> Deal? {
        // Locked in a write (PostgreSQL), so two people moving one card take turns and neither move is lost.
        guard let row = try await handle.sql.raw("""
            SELECT * FROM deals d WHERE d.id = \(bind: id) AND d.workspace_id = \(bind: workspaceID)\(unsafeRaw: handle.dialect.lockForUpdate(of: "d", in: handle))
            """).first()
        else { return nil }
        return try await withLines([row]).first
    }

    func customerID(ofDeal id: String, workspaceID: String) async throws -> String?? {
        try await handle.sql.raw("SELECT customer_id FROM deals WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first()
            .map { try $0.optionalString("customer_id") }
    }

    func stuckWatches() async throws -> [StuckStageWatch] {
        try await handle.sql.raw("""
            SELECT id, workspace_id, stuck_after_days, stuck_swept_until, stuck_swept_id FROM pipeline_stages
            WHERE stuck_after_days IS NOT NULL AND kind = \(bind: PipelineStageKind.open.rawValue) ORDER BY id
            """).all().map { row in
            StuckStageWatch(
                stageID: try row.string("id"), workspaceID: try row.string("workspace_id"), stuckAfterDays: Int(try row.int("stuck_after_days")),
                sweptUntil: try row.optionalDate("stuck_swept_until"), sweptID: try row.optionalString("stuck_swept_id"))
        }
    }

    func deals(enteringStage stageID: String, after: Date?, afterID: String?, upTo: Date, limit: Int) async throws -> [Deal] {
        var query: SQLQueryString = "SELECT * FROM deals WHERE stage_id = \(bind: stageID) AND stage_entered_at <= \(bind: Timestamp.microseconds(upTo))"
        if let after {
            let moment = Timestamp.microseconds(after)
            if let afterID {
                // The lower bound stands on its own, so PostgreSQL scans the index range from it.
                query += " AND stage_entered_at >= \(bind: moment) AND (stage_entered_at > \(bind: moment) OR id > \(bind: afterID))"
            } else {
                query += " AND stage_entered_at > \(bind: moment)"
            }
        }
        query += " ORDER BY stage_entered_at, id LIMIT \(unsafeRaw: String(limit))"
        return try await withLines(try await handle.sql.raw(query).all())
    }

    func markStuckSwept(stageID: String, until moment: Date, dealID: String) async throws {
        try await handle.sql.raw("""
            UPDATE pipeline_stages SET stuck_swept_until = \(bind: Timestamp.microseconds(moment)), stuck_swept_id = \(bind: dealID) WHERE id = \(bind: stageID)
            """).run()
    }

    func insert(_ deals: [Deal]) async throws {
        let rows: [[SQLCell]] = deals.map { deal in
            [
                .text(deal.id), .text(deal.workspaceID), .text(deal.pipelineID), .text(deal.stageID), .text(deal.title), .integer(deal.amount),
                .text(deal.currency), .text(deal.expectedCloseOn), .text(deal.ownerID), .text(deal.teamID), .text(deal.customerID), .text(deal.companyID),
                .text(deal.leadID), .text(deal.nextStep),
                .text(deal.status.rawValue), .text(deal.closeReason), .real(deal.position), .integer(Timestamp.microseconds(deal.stageEnteredAt)),
                .integer(deal.closedAt.map(Timestamp.microseconds)), .text(deal.createdBy), .integer(Timestamp.microseconds(deal.createdAt)),
                .integer(Timestamp.microseconds(deal.updatedAt)),
            ]
        }
        try await handle.dialect.bulkInsert(table: "deals", columns: Self.dealColumns, rows: rows, on: handle)
        try await insertLines(of: deals)
    }

    func update(_ deal: Deal) async throws {
        try await handle.sql.raw("""
            UPDATE deals SET pipeline_id = \(bind: deal.pipelineID), stage_id = \(bind: deal.stageID), title = \(bind: deal.title),
              amount = \(bind: deal.amount), currency = \(bind: deal.currency), expected_close_on = \(bind: deal.expectedCloseOn),
              owner_id = \(bind: deal.ownerID), team_id = \(bind: deal.teamID), customer_id = \(bind: deal.customerID),
              company_id = \(bind: deal.companyID), lead_id = \(bind: deal.leadID), next_step = \(bind: deal.nextStep),
              status = \(bind: deal.status.rawValue), close_reason = \(bind: deal.closeReason), position = \(bind: deal.position),
              stage_entered_at = \(bind: Timestamp.microseconds(deal.stageEnteredAt)), closed_at = \(bind: deal.closedAt.map(Timestamp.microseconds)),
              updated_at = \(bind: Timestamp.microseconds(deal.updatedAt))
            WHERE id = \(bind: deal.id) AND workspace_id = \(bind: deal.workspaceID)
            """).run()
        try await handle.sql.raw("DELETE FROM deal_lines WHERE deal_id = \(bind: deal.id)").run()
        try await insertLines(of: [deal])
    }

    func delete(dealID: String, workspaceID: String) async throws {
        try await handle.sql.raw("DELETE FROM deals WHERE id = \(bind: dealID) AND workspace_id = \(bind: workspaceID)").run()
    }

    func record(_ moves: [DealStageMove]) async throws {
        let rows: [[SQLCell]] = moves.map { move in
            [
                .text(move.id), .text(move.workspaceID), .text(move.dealID), .text(move.pipelineID), .text(move.fromStageID), .text(move.toStageID),
                .integer(Timestamp.microseconds(move.movedAt)), .text(move.movedBy),
            ]
        }
        try await handle.dialect.bulkInsert(
            table: "deal_stage_moves", columns: ["id", "workspace_id", "deal_id", "pipeline_id", "from_stage_id", "to_stage_id", "moved_at", "moved_by"],
            rows: rows, on: handle)
    }

    func moves(dealID: String, workspaceID: String) async throws -> [DealStageMove] {
        try await handle.sql.raw("""
            SELECT * FROM deal_stage_moves WHERE deal_id = \(bind: dealID) AND workspace_id = \(bind: workspaceID) ORDER BY moved_at, id
            """).all().map(decodeMove)
    }

    func latestMoves(dealID: String, workspaceID: String, limit: Int) async throws -> [DealStageMove] {
        try await handle.sql.raw("""
            SELECT * FROM deal_stage_moves WHERE deal_id = \(bind: dealID) AND workspace_id = \(bind: workspaceID)
            ORDER BY moved_at DESC, id DESC LIMIT \(bind: limit)
            """).all().map(decodeMove)
    }

    func decodeMove(_ row: any SQLRow) throws -> DealStageMove {
        DealStageMove(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), dealID: try row.string("deal_id"),
            pipelineID: try row.string("pipeline_id"), fromStageID: try row.optionalString("from_stage_id"), toStageID: try row.string("to_stage_id"),
            movedAt: try row.date("moved_at"), movedBy: try row.string("moved_by"))
    }

    func deals(workspaceID: String, filter: DealFilter, page: PageRequest) async throws -> Page<Deal> {
        var query: SQLQueryString = "SELECT * FROM deals WHERE workspace_id = \(bind: workspaceID)"
        if let pipeline = filter.pipelineID { query += " AND pipeline_id = \(bind: pipeline)" }
        if let stage = filter.stageID { query += " AND stage_id = \(bind: stage)" }
        if let status = filter.status { query += " AND status = \(bind: status.rawValue)" }
        if let owner = filter.ownerID { query += " AND owner_id = \(bind: owner)" }
        if let team = filter.teamID { query += " AND team_id = \(bind: team)" }
        if let customer = filter.customerID { query += " AND customer_id = \(bind: customer)" }
        if let company = filter.companyID { query += " AND company_id = \(bind: company)" }
        if let stage = filter.stageID {
            // A column of the board read on: by position after the cursor card.
            if let cursor = page.startingAfter {
                guard let position = try await position(of: cursor, inStage: stage) else { return Page(items: [], hasMore: false) }
                query += " AND (position > \(bind: position) OR (position = \(bind: position) AND id > \(bind: cursor)))"
            }
            query += " ORDER BY position, id"
        } else {
            if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
            query += " ORDER BY id DESC"
        }
        query += " LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try await withLines(Array(rows.prefix(page.limit))), hasMore: rows.count > page.limit)
    }

    func boardCards(stageIDs: [String], workspaceID: String, limit: Int) async throws -> [String: [Deal]] {
        var rows: [any SQLRow] = []
        for stage in stageIDs {
            rows += try await handle.sql.raw("""
                SELECT * FROM deals WHERE stage_id = \(bind: stage) AND workspace_id = \(bind: workspaceID) ORDER BY position, id LIMIT \(unsafeRaw: String(limit))
                """).all()
        }
        return Dictionary(grouping: try await withLines(rows), by: \.stageID)
    }

    func dealCounts(stageIDs: [String], workspaceID: String) async throws -> [String: Int] {
        guard !stageIDs.isEmpty else { return [:] }
        var counts: [String: Int] = [:]
        for row in try await handle.sql.raw("""
            SELECT stage_id, COUNT(*) AS n FROM deals WHERE workspace_id = \(bind: workspaceID) AND stage_id IN (\(binds: stageIDs)) GROUP BY stage_id
            """).all() {
            counts[try row.string("stage_id")] = Int(try row.int("n"))
        }
        return counts
    }

    func position(of dealID: String, inStage stageID: String) async throws -> Double? {
        try await handle.sql.raw("SELECT position FROM deals WHERE id = \(bind: dealID) AND stage_id = \(bind: stageID)").first()
            .map { try $0.decode(column: "position", as: Double.self) }
    }

    func lowestPosition(inStage stageID: String) async throws -> Double? {
        try await handle.sql.raw("SELECT position FROM deals WHERE stage_id = \(bind: stageID) ORDER BY position LIMIT 1").first()
            .map { try $0.decode(column: "position", as: Double.self) }
    }

    func neighbour(of position: Double, inStage stageID: String, below: Bool, excluding dealID: String) async throws -> Double? {
        let query: SQLQueryString = below
            ? "SELECT position FROM deals WHERE stage_id = \(bind: stageID) AND position > \(bind: position) AND id <> \(bind: dealID) ORDER BY position LIMIT 1"
            : "SELECT position FROM deals WHERE stage_id = \(bind: stageID) AND position < \(bind: position) AND id <> \(bind: dealID) ORDER BY position DESC LIMIT 1"
        return try await handle.sql.raw(query).first().map { try $0.decode(column: "position", as: Double.self) }
    }

    func renumber(stageID: String) async throws {
        if handle.dialect.kind == .postgresql && handle.inTransaction {
            // The stage's cards locked in id order first, so a renumbering and a move elsewhere in
            // the stage wait for each other instead of deadlocking.
            _ = try await handle.sql.raw("SELECT id FROM deals WHERE stage_id = \(bind: stageID) ORDER BY id FOR UPDATE").all()
        }
        try await handle.sql.raw("""
            UPDATE deals SET position = ranked.n * 1024.0
            FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY position, id) AS n FROM deals WHERE stage_id = \(bind: stageID)) ranked
            WHERE deals.id = ranked.id
            """).run()
    }

    /// The deals of the rows, each with its lines (one query for them all).
    func withLines(_ rows: [any SQLRow]) async throws -> [Deal] {
        var deals = try rows.compactMap(decodeDeal)
        guard !deals.isEmpty else { return deals }
        var lines: [String: [DealLine]] = [:]
        for row in try await handle.sql.raw("SELECT * FROM deal_lines WHERE deal_id IN (\(binds: deals.map(\.id))) ORDER BY deal_id, line").all() {
            lines[try row.string("deal_id"), default: []].append(
                DealLine(
                    productID: try row.optionalString("product_id"), variantID: try row.optionalString("variant_id"), name: try row.string("name"),
                    quantity: try row.int("quantity"), unitPrice: try row.int("unit_price")))
        }
        for index in deals.indices { deals[index].lines = lines[deals[index].id] ?? [] }
        return deals
    }

    private func insertLines(of deals: [Deal]) async throws {
        var rows: [[SQLCell]] = []
        for deal in deals {
            for (number, line) in deal.lines.enumerated() {
                rows.append([
                    .text(deal.id), .integer(Int64(number)), .text(deal.workspaceID), .text(line.productID), .text(line.variantID), .text(line.name),
                    .integer(line.quantity), .integer(line.unitPrice),
                ])
            }
        }
        try await handle.dialect.bulkInsert(
            table: "deal_lines", columns: ["deal_id", "line", "workspace_id", "product_id", "variant_id", "name", "quantity", "unit_price"], rows: rows, on: handle)
    }

    /// A deal whose status this build does not know (a newer one wrote it) is left out.
    private func decodeDeal(_ row: any SQLRow) throws -> Deal? {
        guard let status = PipelineStageKind(rawValue: try row.string("status")) else { return nil }
        return Deal(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), pipelineID: try row.string("pipeline_id"),
            stageID: try row.string("stage_id"), title: try row.string("title"), amount: try row.int("amount"), currency: try row.string("currency"),
            expectedCloseOn: try row.optionalString("expected_close_on"), ownerID: try row.optionalString("owner_id"), teamID: try row.optionalString("team_id"),
            customerID: try row.optionalString("customer_id"), companyID: try row.optionalString("company_id"),
            leadID: try row.optionalString("lead_id"), nextStep: try row.optionalString("next_step"), status: status,
            closeReason: try row.optionalString("close_reason"), position: try row.decode(column: "position", as: Double.self),
            stageEnteredAt: try row.date("stage_entered_at"), closedAt: try row.optionalDate("closed_at"), createdBy: try row.string("created_by"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}
