import Foundation
import PropertyBased
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Random sequences of upserts, merges and unmerges over a small pool of identities, so that
/// identities collide often.
@Suite("Identity resolution properties")
struct IdentityResolutionPropertyTests {
    private static let pool: [IdentityInput] = [
        IdentityInput(kind: "email", value: "a@example.com"), IdentityInput(kind: "email", value: "b@example.com"),
        IdentityInput(kind: "email", value: "c@example.com"), IdentityInput(kind: "phone", value: "+4930100001"),
        IdentityInput(kind: "phone", value: "+4930100002"), IdentityInput(kind: "messenger", value: "9001"),
        IdentityInput(kind: "messenger", value: "9002"), IdentityInput(kind: "external", value: "42", source: "shop"),
    ]

    private static func normalizedValue(_ input: IdentityInput) -> String {
        input.kind == "phone" ? input.value : input.value.lowercased()
    }

    /// Every identity ever accepted sits on exactly one live customer, and on no merged-away one.
    private func checkInvariant(_ services: Services, accepted: Set<String>) async throws {
        let live = try await services.customers.list(
            query: nil, page: try PageRequest(limit: 100), as: .operator(workspaceID: services.workspaceID)).items
        let values = live.flatMap { $0.identities.map(\.value) }
        #expect(values.count == Set(values).count, "an identity is on two customers: \(values.sorted())")
        #expect(Set(values) == accepted, "identities lost or invented")
    }

    @Test("no sequence of upserts, merges and unmerges leaves an identity on two customers", arguments: TestDatabase.available)
    func neverTwoOwners(database: TestDatabase) async throws {
        await propertyCheck(count: 30, input: Gen.int(in: 0...9_999).array(of: 1...14)) { operations in
            try await database.withStore { store in
                let services = try await Services.make(on: store)
                var accepted = Set<String>()
                for code in operations {
                    services.clock.advance(by: 1)
                    let live = try await services.customers.list(
                        query: nil, page: try PageRequest(limit: 100), as: .operator(workspaceID: services.workspaceID)).items
                    switch code % 10 {
                    case 0..<6:
                        let picked = (0..<3).map { Self.pool[(code / (10 * ($0 * 7 + 1))) % Self.pool.count] }
                        let input = CustomerInput(
                            identities: picked, firstName: "n\(code % 7)", tags: ["t\(code % 3)"])
                        _ = try await services.customers.upsert(input, as: .system("p", workspaceID: services.workspaceID))
                        accepted.formUnion(picked.map(Self.normalizedValue))
                    case 6..<8 where live.count >= 2:
                        let survivor = live[(code / 10) % live.count]
                        let absorbed = live[(code / 100 + 1) % live.count]
                        if survivor.id != absorbed.id {
                            _ = try await services.customers.merge(
                                into: survivor.id, from: absorbed.id, as: .operator(workspaceID: services.workspaceID))
                        }
                    default:
                        guard !live.isEmpty else { break }
                        let target = live[(code / 10) % live.count]
                        let open = try await services.customers.merges(customerID: target.id, as: .operator(workspaceID: services.workspaceID))
                            .filter { $0.undoneAt == nil }
                        if !open.isEmpty {
                            _ = try await services.customers.unmerge(
                                customerID: target.id, mergeID: nil, as: .operator(workspaceID: services.workspaceID))
                        }
                    }
                    try await checkInvariant(services, accepted: accepted)
                }
            }
        }
    }

    @Test("merge followed by unmerge restores both customers", arguments: TestDatabase.available)
    func unmergeInvertsMerge(database: TestDatabase) async throws {
        let names = Gen.element(of: ["Ana", "Bo", "Cy", "", "Dee"]).map { $0 ?? "" }
        let tags = Gen.element(of: ["vip", "b2b", "wholesale", "newsletter"]).map { $0 ?? "vip" }.array(of: 0...3)
        await propertyCheck(count: 30, input: names, names, tags, tags) { firstA, firstB, tagsA, tagsB in
            try await database.withStore { store in
                let services = try await Services.make(on: store)
                let a = try await services.customers.upsert(CustomerInput(identities: [Self.pool[0], Self.pool[5]], firstName: firstA.isEmpty ? nil : firstA,
                                  tags: tagsA, attributes: ["score": .number(1)]), as: .system("p", workspaceID: services.workspaceID)).customer
                services.clock.advance(by: 5)
                let b = try await services.customers.upsert(CustomerInput(identities: [Self.pool[3], Self.pool[7]], firstName: firstB.isEmpty ? nil : firstB,
                                  tags: tagsB, attributes: ["score": .number(2), "tier": .string("gold")]), as: .system("p", workspaceID: services.workspaceID)).customer
                _ = try await services.timeline.record(InteractionInput(channel: "store", direction: "inbound", kind: "visit"), customerID: b.id, as: .operator(workspaceID: services.workspaceID))
                let before = try await [a.id, b.id].asyncMap {
                    try await services.customers.view(id: $0, as: .operator(workspaceID: services.workspaceID))
                }
                services.clock.advance(by: 5)
                _ = try await services.customers.merge(into: a.id, from: b.id, as: .operator(workspaceID: services.workspaceID))
                services.clock.advance(by: 5)
                _ = try await services.customers.unmerge(customerID: a.id, mergeID: nil, as: .operator(workspaceID: services.workspaceID))
                let after = try await [a.id, b.id].asyncMap {
                    try await services.customers.view(id: $0, as: .operator(workspaceID: services.workspaceID))
                }
                for (old, new) in zip(before, after) {
                    #expect(new.customer.profile == old.customer.profile)
                    #expect(new.customer.identities.map(\.id).sorted() == old.customer.identities.map(\.id).sorted())
                    #expect(new.interactionCount == old.interactionCount)
                }
            }
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
