import Foundation
import RapportCore
import Testing

@Suite("Survivorship")
struct SurvivorshipTests {
    private func customer(_ id: String, updated: TimeInterval, _ profile: CustomerProfile) -> Customer {
        Customer(
            id: id, workspaceID: "wsp_1", profile: profile, identities: [], createdAt: Date(timeIntervalSince1970: 0),
            updatedAt: Date(timeIntervalSince1970: updated))
    }

    @Test("the newer non-empty scalar wins; tags, addresses and attributes are unioned")
    func merged() {
        let older = customer("cus_a", updated: 10, CustomerProfile(
            firstName: "Ann", lastName: "Old", locale: "de-DE", addresses: [Address(city: "Berlin")], tags: ["vip"],
            attributes: ["size": .number(38), "tier": .string("silver")]))
        let newer = customer("cus_b", updated: 20, CustomerProfile(
            firstName: "Anna", lastName: "", addresses: [Address(city: "Hamburg")], tags: ["b2b"],
            attributes: ["tier": .string("gold")]))
        let profile = CustomerSurvivorship.merged(survivor: older, absorbed: newer)
        #expect(profile.firstName == "Anna")
        #expect(profile.lastName == "Old", "an empty newer value does not erase the older one")
        #expect(profile.locale == "de-DE")
        #expect(profile.tags == ["b2b", "vip"])
        #expect(profile.addresses.map(\.city) == ["Berlin", "Hamburg"])
        #expect(profile.attributes == ["size": .number(38), "tier": .string("gold")])
    }

    @Test("restoring keeps what changed since the merge and undoes what did not")
    func restored() {
        let before = CustomerProfile(firstName: "Ann", lastName: "Old", tags: ["vip"], attributes: ["a": .number(1)])
        let after = CustomerProfile(firstName: "Anna", lastName: "Old", tags: ["b2b", "vip"], attributes: ["a": .number(1), "b": .number(2)])
        let current = CustomerProfile(
            firstName: "Anna", lastName: "Changed", tags: ["b2b", "vip", "new"], attributes: ["a": .number(1), "b": .number(3)])
        let profile = CustomerSurvivorship.restored(current: current, before: before, after: after)
        #expect(profile.firstName == "Ann")
        #expect(profile.lastName == "Changed")
        #expect(profile.tags == ["new", "vip"])
        #expect(profile.attributes == ["a": .number(1), "b": .number(3)])
    }
}
