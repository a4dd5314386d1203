import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Segment plans kept per process")
struct SegmentPlanCacheTests {
    static func tags(_ services: Services, _ customerID: String, _ tags: [String]) async throws {
        _ = try await services.customers.patch(id: customerID, CustomerPatch(tags: tags), as: .operator(workspaceID: services.workspaceID))
    }

    static func segmentNames(_ services: Services, of customerID: String) async throws -> Set<String> {
        Set(try await services.segments.segments(ofCustomer: customerID, as: .operator(workspaceID: services.workspaceID)).map(\.name))
    }

    @Test("a process that kept the segments it read sees another process's new, changed and deleted segments at its next write",
          arguments: TestDatabase.available)
    func otherProcessesChanges(database: TestDatabase) async throws {
        try await database.withStore { store in
            let first = try await Services.make(on: store)
            let second = first.anotherProcess()
            let actor = Actor.operator(workspaceID: first.workspaceID)
            let customer = try await first.customers.upsert(
                CustomerInput(identities: [IdentityInput(.email, value: "kept@example.com")], tags: ["vip"]), as: actor).customer.id
            let tagged = try await first.segments.create(
                SegmentDraft(name: "Tagged", definition: try SegmentTests.definition(#"{"field": "tags", "op": "contains", "value": "vip"}"#)),
                as: actor)
            // The second process reads (and keeps) the plan with "Tagged" reading `vip`.
            try await Self.tags(second, customer, ["vip", "early"])
            #expect(try await Self.segmentNames(second, of: customer) == ["Tagged"])

            // The first process redefines it; the second's next write must evaluate the new definition.
            _ = try await first.segments.update(
                id: tagged.id, SegmentDraft(name: "Tagged", definition: try SegmentTests.definition(#"{"field": "tags", "op": "contains", "value": "gold"}"#)),
                as: actor)
            #expect(try await Self.segmentNames(second, of: customer).isEmpty)
            try await Self.tags(second, customer, ["gold"])
            #expect(try await Self.segmentNames(second, of: customer) == ["Tagged"], "the changed definition holds the customer")

            // A segment the first process creates is kept up by the second's writes at once.
            _ = try await first.segments.create(
                SegmentDraft(name: "Silver", definition: try SegmentTests.definition(#"{"field": "tags", "op": "contains", "value": "silver"}"#)),
                as: actor)
            try await Self.tags(second, customer, ["silver"])
            #expect(try await Self.segmentNames(second, of: customer) == ["Silver"])

            // A segment deleted by the first process is not written to by the second.
            try await first.segments.delete(id: tagged.id, as: actor)
            try await Self.tags(second, customer, ["gold", "silver"])
            #expect(try await Self.segmentNames(second, of: customer) == ["Silver"])
            #expect(try await SegmentTests.moves(first).filter { $0.hasPrefix("segment.entered \(customer)") }.count == 3)
        }
    }
}
