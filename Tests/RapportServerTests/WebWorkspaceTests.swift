import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

@Suite("Web workspace")
struct WebWorkspaceTests {
    /// A signed-in browser: its cookie and the CSRF token its pages carry.
    struct Browser {
        var cookie: String
        var csrf: String
    }

    static let password = "correct horse battery"

    static func user(_ api: APIHarness, _ role: UserRole, teamIDs: [String] = []) async throws -> User {
        try await api.services.users.create(
            email: "\(role.rawValue)@shop.test", name: "\(role.rawValue.capitalized) Person", role: role, password: password, teamIDs: teamIDs,
            as: .operator(workspaceID: api.workspaceID)).user
    }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ByteBuffer(string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&"))
    }

    static func post(_ api: APIHarness, _ uri: String, _ fields: [(String, String)], cookie: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let cookie { headers[.cookie] = cookie }
        return try await api.client.execute(uri: uri, method: .post, headers: headers, body: form(fields))
    }

    static func get(_ api: APIHarness, _ uri: String, cookie: String?) async throws -> TestResponse {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        return try await api.client.execute(uri: uri, method: .get, headers: headers)
    }

    static func signIn(_ api: APIHarness, _ email: String) async throws -> Browser {
        let response = try await post(api, "/login", [("email", email), ("password", password), ("next", "")])
        #expect(response.status == .seeOther)
        let setCookie = try #require(response.headers[.setCookie])
        let cookie = String(setCookie.prefix { $0 != ";" })
        let page = try await get(api, "/customers", cookie: cookie)
        let csrf = try #require(page.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1)
        return Browser(cookie: cookie, csrf: String(csrf))
    }

    /// An open SMS conversation in an inbox of the given team.
    static func conversation(_ api: APIHarness, teamID: String?, name: String = "Ada") async throws -> Conversation {
        let inbox = try await api.services.inboxes.createInbox(
            channel: .sms, name: "SMS \(teamID ?? "none")",
            settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": "+49301\(Int.random(in: 10000...99999))"], teamID: teamID,
            as: .operator(workspaceID: api.workspaceID))
        let outcome = try await api.services.conversations.receive(
            ChannelPayload(messages: [InboundMessage(providerMessageID: "SM\(UUID().uuidString)", from: "+4915112345678", fromName: name, kind: .text, text: "Where is my parcel?")]),
            inbox: inbox)
        return try await api.services.conversations.conversation(id: outcome.stored[0].conversationID, as: .operator(workspaceID: api.workspaceID))
    }

    @Test("sign-in sets an HTTP-only SameSite session cookie, Secure behind HTTPS; a wrong password keeps the e-mail and says why", arguments: TestDatabase.available)
    func signIn(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await Self.user(api, .agent)
            let wrong = try await Self.post(api, "/login", [("email", "agent@shop.test"), ("password", "nope")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("The e-mail address or the password is wrong."))
            #expect(wrong.text.contains(#"value="agent@shop.test""#))
            #expect(wrong.headers[.setCookie] == nil)

            let right = try await Self.post(api, "/login", [("email", "agent@shop.test"), ("password", Self.password), ("next", "/customers?q=a")])
            #expect(right.headers[.location] == "/customers?q=a")
            let cookie = try #require(right.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            // The harness's public address is https://rapport.test, so the cookie is Secure.
            #expect(cookie.contains("Secure"))
            // A next= pointing elsewhere is not followed.
            let offsite = try await Self.post(api, "/login", [("email", "agent@shop.test"), ("password", Self.password), ("next", "//evil.test/x")])
            #expect(offsite.headers[.location] == "/inbox")
            // Pages carry the security headers.
            let page = try await Self.get(api, "/login", cookie: nil)
            let policy = try #require(page.headers[HTTPField.Name("Content-Security-Policy")!])
            #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
        }
    }

    @Test("a form without the session's CSRF token is refused and changes nothing; so is a cookie-signed API change without X-CSRF-Token", arguments: TestDatabase.available)
    func csrf(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let team = try await api.services.inboxes.createTeam(name: "Support", memberIDs: [], as: .operator(workspaceID: api.workspaceID))
            _ = try await Self.user(api, .agent, teamIDs: [team.id])
            let conversation = try await Self.conversation(api, teamID: team.id)
            let browser = try await Self.signIn(api, "agent@shop.test")
            for token in [nil, "forged"] as [String?] {
                var fields = [("text", "Hello from elsewhere"), ("mode", "reply")]
                if let token { fields.append(("_csrf", token)) }
                let refused = try await Self.post(api, "/inbox/\(conversation.id)/messages", fields, cookie: browser.cookie)
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains("This form has expired"))
            }
            let api403 = try await api.client.execute(
                uri: "/api/v1/conversations/\(conversation.id)/resolve", method: .post,
                headers: [.cookie: browser.cookie, .contentType: "application/json"], body: ByteBuffer(string: "{}"))
            #expect(api403.status == .forbidden)
            let messages = try await api.services.conversations.messages(
                conversationID: conversation.id, page: PageRequest(), as: .operator(workspaceID: api.workspaceID))
            #expect(messages.items.count == 1)
            #expect(try await api.services.conversations.conversation(id: conversation.id, as: .operator(workspaceID: api.workspaceID)).status == .open)

            // With the token, the same reply is written in the agent's name, and the API takes the header.
            let sent = try await Self.post(
                api, "/inbox/\(conversation.id)/messages", [("_csrf", browser.csrf), ("text", "On its way"), ("mode", "reply")], cookie: browser.cookie)
            #expect(sent.status == .seeOther)
            let resolved = try await api.client.execute(
                uri: "/api/v1/conversations/\(conversation.id)/resolve", method: .post,
                headers: [.cookie: browser.cookie, .contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: browser.csrf],
                body: ByteBuffer(string: "{}"))
            #expect(resolved.status == .ok)
        }
    }

    @Test("a rejected reply comes back with the text kept and the reason beside the field", arguments: TestDatabase.available)
    func rejectedReply(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let team = try await api.services.inboxes.createTeam(name: "Support", memberIDs: [], as: .operator(workspaceID: api.workspaceID))
            _ = try await Self.user(api, .agent, teamIDs: [team.id])
            let conversation = try await Self.conversation(api, teamID: team.id)
            let browser = try await Self.signIn(api, "agent@shop.test")
            let long = String(repeating: "ab", count: 10_001)
            let page = try await Self.post(
                api, "/inbox/\(conversation.id)/messages", [("_csrf", browser.csrf), ("text", long), ("mode", "reply")], cookie: browser.cookie)
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains(#"id="composer-error""#) && page.text.contains("Text must be at most 20000 characters"))
            #expect(page.text.contains(long))
        }
    }

    @Test("an agent sees their teams' conversations only; a marketer is refused the inbox and conversation API; every name is escaped", arguments: TestDatabase.available)
    func permissions(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let ws = Actor.operator(workspaceID: api.workspaceID)
            let support = try await api.services.inboxes.createTeam(name: "Support", memberIDs: [], as: ws)
            let vip = try await api.services.inboxes.createTeam(name: "VIP", memberIDs: [], as: ws)
            _ = try await Self.user(api, .agent, teamIDs: [support.id])
            _ = try await Self.user(api, .marketer)
            let mine = try await Self.conversation(api, teamID: support.id, name: "<script>alert(1)</script>")
            let theirs = try await Self.conversation(api, teamID: vip.id, name: "Vip Customer")
            _ = try await api.services.customers.patch(
                id: mine.customerID, CustomerPatch(firstName: .some("<script>alert(1)</script>")), as: .operator(workspaceID: api.workspaceID))

            let agent = try await Self.signIn(api, "agent@shop.test")
            let inbox = try await Self.get(api, "/inbox", cookie: agent.cookie)
            #expect(inbox.status == .ok)
            #expect(inbox.text.contains(mine.id) && !inbox.text.contains(theirs.id))
            // Each conversation shows its newest message; a private note is never the preview.
            _ = try await api.services.conversations.reply(
                conversationID: mine.id, ReplyInput(text: "internal: check the warehouse", isPrivate: true), as: .operator(workspaceID: api.workspaceID))
            let listed = try await Self.get(api, "/inbox", cookie: agent.cookie)
            #expect(listed.text.contains(#"<span class="preview">Where is my parcel?</span>"#) && !listed.text.contains("internal: check"))
            #expect(inbox.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !inbox.text.contains("<script>alert"))
            #expect(try await Self.get(api, "/inbox/\(theirs.id)", cookie: agent.cookie).status == .notFound)
            let apiList = try await Self.get(api, "/api/v1/conversations", cookie: agent.cookie)
            #expect((apiList.object["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [mine.id])
            let customerPage = try await Self.get(api, "/customers/\(mine.customerID)", cookie: agent.cookie)
            #expect(customerPage.text.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
            // The agent writes to the customer first, from an inbox of their team that reaches the customer's phone.
            #expect(customerPage.text.contains("SMS \(support.id) (SMS)") && !customerPage.text.contains("SMS \(vip.id)"))
            let empty = try await Self.post(
                api, "/customers/\(mine.customerID)/conversations", [("_csrf", agent.csrf), ("inbox_id", mine.inboxID), ("text", " ")], cookie: agent.cookie)
            #expect(empty.status == .unprocessableContent && empty.text.contains(#"id="write-error""#))
            let started = try await Self.post(
                api, "/customers/\(mine.customerID)/conversations", [("_csrf", agent.csrf), ("inbox_id", mine.inboxID), ("text", "We have news about your order")],
                cookie: agent.cookie)
            let location = try #require(started.headers[.location])
            #expect(location.hasPrefix("/inbox/cnv_"))
            #expect(try await Self.get(api, location, cookie: agent.cookie).text.contains("We have news about your order"))

            let marketer = try await Self.signIn(api, "marketer@shop.test")
            let refused = try await Self.get(api, "/inbox", cookie: marketer.cookie)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("A marketer may not read conversations."))
            #expect(try await Self.get(api, "/api/v1/conversations", cookie: marketer.cookie).status == .forbidden)
            #expect(try await Self.get(api, "/api/v1/conversations/\(mine.id)/messages", cookie: marketer.cookie).status == .forbidden)
            // The customer's timeline tells the marketer a message came, not what it said.
            let timeline = try await Self.get(api, "/api/v1/customers/\(mine.customerID)/timeline", cookie: marketer.cookie)
            #expect(timeline.status == .ok && !timeline.text.contains("Where is my parcel?"))
            let asAgent = try await Self.get(api, "/api/v1/customers/\(mine.customerID)/timeline", cookie: agent.cookie)
            #expect(asAgent.text.contains("Where is my parcel?"))
            let page = try await Self.get(api, "/customers/\(mine.customerID)", cookie: marketer.cookie)
            #expect(page.status == .ok && !page.text.contains("Where is my parcel?") && !page.text.contains(#"href="/inbox""#))
            #expect(!page.text.contains("Start conversation"))
        }
    }

    @Test("five wrong passwords lock the account with Retry-After; signing out everywhere ends every session", arguments: TestDatabase.available)
    func lockoutAndSignOut(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await Self.user(api, .manager)
            let laptop = try await Self.signIn(api, "manager@shop.test")
            let phone = try await Self.signIn(api, "manager@shop.test")
            for _ in 1...5 { _ = try await Self.post(api, "/login", [("email", "manager@shop.test"), ("password", "wrong")]) }
            let locked = try await Self.post(api, "/login", [("email", "manager@shop.test"), ("password", Self.password)])
            #expect(locked.status == .tooManyRequests)
            // Thirty seconds from the fifth failure, less however long a loaded machine took since.
            let wait = try #require(locked.headers[.retryAfter].flatMap(Int.init))
            #expect((20...30).contains(wait))
            #expect(locked.text.contains("locked for \(wait) more seconds"))

            let out = try await Self.post(api, "/logout/everywhere", [("_csrf", laptop.csrf)], cookie: laptop.cookie)
            #expect(out.headers[.location] == "/login?signed_out=everywhere")
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            for browser in [laptop, phone] {
                let page = try await Self.get(api, "/inbox", cookie: browser.cookie)
                #expect(page.status == .seeOther && page.headers[.location] == "/login?next=/inbox")
            }
        }
    }

    @Test("settings: an admin invites a user who then signs in; a manager may not invite or create keys; an agent gets no settings", arguments: TestDatabase.available)
    func settings(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await Self.user(api, .admin)
            _ = try await Self.user(api, .manager)
            _ = try await Self.user(api, .agent)
            let admin = try await Self.signIn(api, "admin@shop.test")
            let invited = try await Self.post(
                api, "/settings/users", [("_csrf", admin.csrf), ("email", "new@shop.test"), ("name", "New Person"), ("role", "agent")],
                cookie: admin.cookie)
            let password = try #require(invited.text.firstMatch(of: /class="secret">([^<]+)</)?.1)
            let first = try await Self.post(api, "/login", [("email", "new@shop.test"), ("password", String(password))])
            #expect(first.status == .seeOther && first.headers[.location] == "/inbox")
            let taken = try await Self.post(
                api, "/settings/users", [("_csrf", admin.csrf), ("email", "new@shop.test"), ("name", "Again"), ("role", "agent")], cookie: admin.cookie)
            #expect(taken.status == .conflict && taken.text.contains(#"id="users-error""#) && taken.text.contains(#"value="Again""#))

            // Rotating one credential keeps the others; a required one cannot be removed.
            let sms = try await api.services.inboxes.createInbox(
                channel: .sms, name: "SMS", settings: ["account_sid": "AC1", "auth_token": "old-token", "phone_number": "+4930123"],
                as: .operator(workspaceID: api.workspaceID))
            let rotated = try await Self.post(
                api, "/settings/inboxes/update",
                [("_csrf", admin.csrf), ("id", sms.id), ("name", "SMS Berlin"), ("settings", "auth_token=new-token\nphone_number=+4930123")],
                cookie: admin.cookie)
            #expect(rotated.status == .seeOther)
            let stored = try #require(try await api.services.inboxes.inboxes(as: .operator(workspaceID: api.workspaceID)).first { $0.id == sms.id })
            #expect(stored.name == "SMS Berlin" && stored.settings == ["account_sid": "AC1", "auth_token": "new-token", "phone_number": "+4930123"])
            let stripped = try await Self.post(
                api, "/settings/inboxes/update", [("_csrf", admin.csrf), ("id", sms.id), ("name", "SMS"), ("settings", "account_sid=")],
                cookie: admin.cookie)
            #expect(stripped.status == .unprocessableContent && stripped.text.contains("The setting account_sid is required for a sms inbox."))
            #expect(try await api.services.inboxes.inboxes(as: .operator(workspaceID: api.workspaceID)).first { $0.id == sms.id }?.settings["account_sid"] == "AC1")

            let manager = try await Self.signIn(api, "manager@shop.test")
            let noInbox = try await Self.post(
                api, "/settings/inboxes/update", [("_csrf", manager.csrf), ("id", sms.id), ("name", "Mine"), ("settings", "")], cookie: manager.cookie)
            #expect(noInbox.status == .forbidden)
            let refused = try await Self.post(
                api, "/settings/users", [("_csrf", manager.csrf), ("email", "sneaky@shop.test"), ("role", "admin")], cookie: manager.cookie)
            #expect(refused.status == .forbidden && refused.text.contains("A manager may not manage users."))
            let noKey = try await Self.post(api, "/settings/keys", [("_csrf", manager.csrf), ("name", "mine")], cookie: manager.cookie)
            #expect(noKey.status == .forbidden)
            let canned = try await Self.post(
                api, "/settings/canned", [("_csrf", manager.csrf), ("code", "thanks"), ("content", "Thank you!")], cookie: manager.cookie)
            #expect(canned.status == .seeOther)
            // The same short code again is refused beside the form, with what was typed kept.
            let twice = try await Self.post(
                api, "/settings/canned", [("_csrf", manager.csrf), ("code", "thanks"), ("content", "Thanks again")], cookie: manager.cookie)
            #expect(twice.status == .conflict && twice.text.contains("thanks exists already") && twice.text.contains("Thanks again"))
            let page = try await Self.get(api, "/settings", cookie: manager.cookie)
            #expect(page.status == .ok && page.text.contains("/thanks") && !page.text.contains(#"action="/settings/keys""#))
            #expect(try await api.services.inboxes.agents(as: .operator(workspaceID: api.workspaceID)).count { $0.email == "sneaky@shop.test" } == 0)

            // The API refuses the same things to the same people.
            var asManager = HTTPFields()
            asManager[.cookie] = manager.cookie
            asManager[.contentType] = "application/json"
            asManager[HTTPField.Name("X-CSRF-Token")!] = manager.csrf
            let hook = try await api.client.execute(
                uri: "/api/v1/webhook_endpoints", method: .post, headers: asManager,
                body: ByteBuffer(string: #"{"url":"https://example.com/hook","event_types":["*"]}"#))
            #expect(hook.status == .forbidden && hook.text.contains("A manager may not manage outgoing webhooks."))
            #expect(try await Self.get(api, "/api/v1/webhook_endpoints", cookie: manager.cookie).status == .forbidden)
            let inbox = try await api.client.execute(
                uri: "/api/v1/inboxes", method: .post, headers: asManager,
                body: ByteBuffer(string: #"{"channel":"store","name":"Pop-up","settings":{}}"#))
            #expect(inbox.status == .forbidden && inbox.text.contains("A manager may not manage inboxes and channel credentials."))
            let agent = try await Self.signIn(api, "agent@shop.test")
            #expect(try await Self.get(api, "/settings", cookie: agent.cookie).status == .forbidden)
            #expect(try await Self.get(api, "/dashboard", cookie: agent.cookie).status == .forbidden)
            #expect(try await Self.get(api, "/dashboard", cookie: manager.cookie).status == .ok)

            // The admin deactivates the agent from the settings page: the agent's browser is signed out.
            let agentID = try #require(try await api.services.inboxes.agents(as: .operator(workspaceID: api.workspaceID)).first { $0.email == "agent@shop.test" }?.id)
            let deactivated = try await Self.post(
                api, "/settings/users/active", [("_csrf", admin.csrf), ("user_id", agentID), ("active", "0")], cookie: admin.cookie)
            #expect(deactivated.status == .seeOther)
            #expect(try await Self.get(api, "/inbox", cookie: agent.cookie).status == .seeOther)
            #expect(try await Self.get(api, "/settings", cookie: admin.cookie).text.contains("Reactivate"))

            // A forgotten password: the admin gives the manager a new one; the manager's sessions end.
            let managerID = try #require(try await api.services.inboxes.agents(as: .operator(workspaceID: api.workspaceID)).first { $0.email == "manager@shop.test" }?.id)
            let reset = try await Self.post(api, "/settings/users/password", [("_csrf", admin.csrf), ("user_id", managerID)], cookie: admin.cookie)
            let newPassword = try #require(reset.text.firstMatch(of: /class="secret">([^<]+)</)?.1)
            #expect(try await Self.get(api, "/dashboard", cookie: manager.cookie).status == .seeOther)
            let again = try await Self.post(api, "/login", [("email", "manager@shop.test"), ("password", String(newPassword))])
            #expect(again.headers[.location] == "/inbox")
        }
    }

    @Test("a sign-in posted from another site is refused; customers filter by tag; two customers merge side by side and the merge is undone", arguments: TestDatabase.available)
    func customersAndMerges(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await Self.user(api, .marketer)
            var crossSite = HTTPFields()
            crossSite[.contentType] = "application/x-www-form-urlencoded"
            crossSite[.origin] = "https://evil.test"
            let forged = try await api.client.execute(
                uri: "/login", method: .post, headers: crossSite, body: Self.form([("email", "marketer@shop.test"), ("password", Self.password)]))
            #expect(forged.status == .forbidden && forged.headers[.setCookie] == nil)

            let ws = api.workspaceID
            let kept = try await api.services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "ada@shop.test")], firstName: "Ada", tags: ["vip"]), as: .operator(workspaceID: ws))
            let other = try await api.services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "phone", value: "+4915112345678")], firstName: "Ada L."), as: .operator(workspaceID: ws))
            let browser = try await Self.signIn(api, "marketer@shop.test")
            let tagged = try await Self.get(api, "/customers?tag=VIP", cookie: browser.cookie)
            #expect(tagged.text.contains(kept.customer.id) && !tagged.text.contains(other.customer.id))

            let compare = try await Self.get(api, "/customers/\(kept.customer.id)/merge/\(other.customer.id)", cookie: browser.cookie)
            #expect(compare.status == .ok && compare.text.contains("Ada L.") && compare.text.contains("+4915112345678"))
            let merged = try await Self.post(
                api, "/customers/\(kept.customer.id)/merge", [("_csrf", browser.csrf), ("from", other.customer.id)], cookie: browser.cookie)
            #expect(merged.headers[.location] == "/customers/\(kept.customer.id)")
            let page = try await Self.get(api, "/customers/\(kept.customer.id)", cookie: browser.cookie)
            #expect(page.text.contains("+4915112345678") && page.text.contains("Undo this merge"))
            // The merged-away id now leads to the survivor.
            let gone = try await Self.get(api, "/customers/\(other.customer.id)", cookie: browser.cookie)
            #expect(gone.headers[.location] == "/customers/\(kept.customer.id)")
            let mergeID = try #require(page.text.firstMatch(of: /name="merge_id" value="([^"]+)"/)?.1)
            let undone = try await Self.post(
                api, "/customers/\(kept.customer.id)/unmerge", [("_csrf", browser.csrf), ("merge_id", String(mergeID))], cookie: browser.cookie)
            #expect(undone.headers[.location] == "/customers/\(other.customer.id)")
            let back = try await Self.get(api, "/customers/\(other.customer.id)", cookie: browser.cookie)
            #expect(back.status == .ok && back.text.contains("+4915112345678"))

            // Comparing with a customer merged away meanwhile leads to the survivor, not to an error page.
            _ = try await api.services.customers.merge(into: kept.customer.id, from: other.customer.id, as: .operator(workspaceID: ws))
            let stale = try await Self.get(api, "/customers/\(other.customer.id)/merge/\(kept.customer.id)", cookie: browser.cookie)
            #expect(stale.status == .seeOther && stale.headers[.location] == "/customers/\(kept.customer.id)")
        }
    }

    @Test("the inbox lists 50 conversations a page with a link to the older ones, which keeps the filters", arguments: TestDatabase.available)
    func paging(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await Self.user(api, .manager)
            let inbox = try await api.services.inboxes.createInbox(
                channel: .sms, name: "SMS", settings: ["account_sid": "AC1", "auth_token": "t", "phone_number": "+4930123"],
                as: .operator(workspaceID: api.workspaceID))
            for number in 0..<55 {
                _ = try await api.services.conversations.receive(
                    ChannelPayload(messages: [InboundMessage(providerMessageID: "SM\(number)", from: "+491510000\(1000 + number)", kind: .text, text: "Hi \(number)")]),
                    inbox: inbox)
            }
            let manager = try await Self.signIn(api, "manager@shop.test")
            let first = try await Self.get(api, "/inbox?view=all&status=open&channel=sms", cookie: manager.cookie)
            #expect(first.text.components(separatedBy: "class=\"conversation-item").count - 1 == 50)
            let more = try #require(first.text.firstMatch(of: /href="([^"]+)" rel="next"/)?.1)
            let older = try await Self.get(api, String(more).replacingOccurrences(of: "&amp;", with: "&"), cookie: manager.cookie)
            #expect(older.text.components(separatedBy: "class=\"conversation-item").count - 1 == 5)
            #expect(older.text.contains("Hi 0") && !older.text.contains(#"rel="next""#) && older.text.contains("channel=sms"))
        }
    }
}
