import Foundation
import RapportServer
import RapportTestSupport
import Testing

/// The referral API's answers to bad input: a clear 4xx, and nothing recorded.
@Suite("Referral API")
struct ReferralAPITests {
    @Test("bad programmes, codes and friends are refused with 4xx and record nothing", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"anna@ref.test"}]}"#)
            let annaID = try #require(customer.object["id"] as? String)
            #expect(try await api.send(.get, "/api/v1/customers/\(annaID)/referral").status == .conflict, "no programme yet")
            for body in [#"{"referrer_points":-1}"#, #"{"landing_url":"javascript:alert(1)"}"#, #"{"landing_url":"https://shop.test/\r\nX: y"}"#,
                         #"{"maximum_uses_per_code":0}"#, #"{"bonus":1}"#] {
                #expect(try await api.send(.put, "/api/v1/referrals/program", json: body).status == .unprocessableContent, "\(body)")
            }
            #expect(try await api.send(.get, "/api/v1/referrals/program").status == .notFound, "nothing was saved")
            #expect(try await api.send(.put, "/api/v1/referrals/program", json: #"{"landing_url":"https://shop.test/welcome"}"#).status == .ok)
            let code = try #require(try await api.send(.get, "/api/v1/customers/\(annaID)/referral").object["code"] as? String)
            let friend = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"ben@ref.test"}]}"#)
            let benID = try #require(friend.object["id"] as? String)
            for body in [#"{"code":"NOPE-!","customer_id":"\#(benID)"}"#, #"{"code":"ZZZZZZZZ","customer_id":"\#(benID)"}"#,
                         #"{"code":"\#(code)","customer_id":"not-a-customer"}"#, #"{"code":"\#(code)","customer_id":"\#(annaID)"}"#,
                         #"{"code":"\#(code)"}"#, #"{"code":"\#(code)","customer_id":"\#(benID)","extra":true}"#] {
                #expect(try await api.send(.post, "/api/v1/referrals", json: body).status == .unprocessableContent, "\(body)")
            }
            #expect((try await api.send(.get, "/api/v1/referrals").object["data"] as? [Any])?.isEmpty == true, "nothing was recorded")
            #expect(try await api.send(.post, "/api/v1/referrals", json: #"{"code":"\#(code)","customer_id":"\#(benID)"}"#).status == .created)
            #expect(try await api.send(.post, "/api/v1/referrals", json: #"{"code":"\#(code)","customer_id":"\#(benID)"}"#).status == .conflict)
        }
    }
}
