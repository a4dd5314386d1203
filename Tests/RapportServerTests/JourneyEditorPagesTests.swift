import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Building a journey in the workspace: started from a name and a trigger, steps added after
/// others and filled in through their fields or as JSON, the settings changed, a step taken
/// out, then published. A refused save says why and keeps what was typed; an agent sees no
/// editor and may not use it.
@Suite("Journey editor pages")
struct JourneyEditorPagesTests {
    @Test("a marketer builds a journey step by step on its page and publishes it; bad values are refused with the field named and nothing changes", arguments: TestDatabase.available)
    func build(database: TestDatabase) async throws {
        try await JourneyPagesTests.asMarketer(on: database) { api, inboxID, marketer, _ in
            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            func post(_ path: String, _ fields: [(String, String)]) async throws -> (status: HTTPResponse.Status, text: String, location: String?) {
                let response = try await WebWorkspaceTests.post(api, path, [("_csrf", marketer.csrf)] + fields, cookie: marketer.cookie)
                return (response.status, response.text, response.headers[.location])
            }

            let list = try await WebWorkspaceTests.get(api, "/journeys", cookie: marketer.cookie)
            #expect(list.text.contains(#"id="new-journey""#) && list.text.contains(#"<option value="order.delivered">"#))
            let noName = try await post("/journeys/new", [("name", " "), ("trigger", "manual")])
            #expect(noName.status == .unprocessableContent && noName.text.contains("journeys-error"))
            let noEvent = try await post("/journeys/new", [("name", "Cart"), ("trigger", "tracked"), ("tracked_event", "")])
            #expect(noEvent.status == .unprocessableContent && noEvent.text.contains("tracked event"))
            #expect(try await api.services.journeys.list(page: PageRequest(limit: 10), as: operatorActor).items.isEmpty, "nothing made by a refused start")

            let started = try await post("/journeys/new", [("name", "Cart rescue"), ("trigger", "tracked"), ("tracked_event", "Checkout Started")])
            #expect(started.status == .seeOther)
            let id = try #require(started.location?.firstMatch(of: /\/journeys\/(jny_[0-9A-Za-z]+)/)?.1).description
            let page = try await WebWorkspaceTests.get(api, try #require(started.location), cookie: marketer.cookie)
            #expect(page.text.contains(#"<details class="draft-part" id="edit-step-start" data-step="start" open>"#), "the new step is opened")
            #expect(page.text.contains(#"name="f.duration.hours" value="1""#))

            // A message after the wait, then its subject and the wait's length through their fields.
            let added = try await post("/journeys/\(id)/steps", [("type", "send"), ("key", "remind"), ("after", "start")])
            #expect(added.status == .seeOther && added.location?.contains("step=remind") == true)
            let subject = try await post("/journeys/\(id)/steps/remind", [("f.content.en.subject", "Your cart misses you"), ("f.content.en.body", "Come back {{customer.first_name}}"), ("f.next", "")])
            #expect(subject.status == .seeOther)
            let hours = try await post("/journeys/\(id)/steps/start", [("f.duration.hours", "2"), ("f.next", "remind")])
            #expect(hours.status == .seeOther)

            // A bad value: 422 naming it, the typed value shown again, the draft as it was.
            let before = try await api.services.journeys.find(id: id, as: operatorActor).draft
            let bad = try await post("/journeys/\(id)/steps/start", [("f.duration.hours", "0"), ("f.next", "remind")])
            #expect(bad.status == .unprocessableContent && bad.text.contains("efinition.steps[0].duration must be a time"))
            #expect(bad.text.contains(#"name="f.duration.hours" value="0""#) && bad.text.contains(#"id="edit-step-start" data-step="start" open"#))
            let notNumber = try await post("/journeys/\(id)/steps/start", [("f.duration.hours", "two")])
            #expect(notNumber.status == .unprocessableContent && notNumber.text.contains("must be a number"))
            let loop = try await post("/journeys/\(id)/steps/remind", [("f.next", "remind")])
            #expect(loop.status == .unprocessableContent)
            let renamed = try await post("/journeys/\(id)/steps/remind", [("json", #"{"key": "other", "type": "exit"}"#)])
            #expect(renamed.status == .unprocessableContent && renamed.text.contains("stays"))
            #expect(try await api.services.journeys.find(id: id, as: operatorActor).draft == before, "nothing changed by refused saves")

            // A tag after the message, the settings as JSON with a goal, then the tag taken out again.
            #expect(try await post("/journeys/\(id)/steps", [("type", "update_profile"), ("key", "mark"), ("after", "remind")]).status == .seeOther)
            let settings = try await post("/journeys/\(id)/settings", [("json", #"{"trigger": {"tracked_event": "Checkout Started"}, "entry": {"once_per_days": 7}, "goal": {"event": "order.created", "within_days": 3}}"#)])
            #expect(settings.status == .seeOther)
            let goalDays = try await post("/journeys/\(id)/settings", [("f.goal.within_days", "5")])
            #expect(goalDays.status == .seeOther)
            #expect(try await post("/journeys/\(id)/steps/mark/remove", []).status == .seeOther)
            let missing = try await post("/journeys/\(id)/steps/nowhere/remove", [])
            #expect(missing.status == .unprocessableContent)

            let built = try await WebWorkspaceTests.get(api, "/journeys/\(id)", cookie: marketer.cookie)
            #expect(built.text.contains(#"<g class="step" id="flow-step-start""#) && built.text.contains(#"<g class="step" id="flow-step-remind""#))
            #expect(!built.text.contains(#"id="edit-step-mark""#))
            #expect(try await post("/journeys/\(id)/publish", []).status == .seeOther)
            let definition = try #require(try await api.services.journeys.shownDefinition(id: id, as: operatorActor))
            #expect(definition.steps.map(\.key) == ["start", "remind"])
            #expect(definition.steps[0].kind == .wait(seconds: 7_200, next: "remind"))
            guard case .send(let send, nil) = definition.steps[1].kind else { Issue.record("remind is a message that ends the journey"); return }
            #expect(send.inboxID == inboxID && send.content["en"]?.subject == "Your cart misses you")
            #expect(definition.goal?.withinDays == 5 && definition.entry == .oncePer(days: 7))

            // An agent reads the page without the editor and may not edit.
            _ = try await WebWorkspaceTests.user(api, .agent)
            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let read = try await WebWorkspaceTests.get(api, "/journeys/\(id)", cookie: agent.cookie)
            #expect(read.status == .ok && !read.text.contains("journey-editor"))
            let refused = try await WebWorkspaceTests.post(api, "/journeys/\(id)/steps/start", [("_csrf", agent.csrf), ("f.duration.hours", "3")], cookie: agent.cookie)
            #expect(refused.status == .forbidden)

            // Archived: no editor, and a save is a conflict.
            #expect(try await post("/journeys/\(id)/archive", []).status == .seeOther)
            #expect(!(try await WebWorkspaceTests.get(api, "/journeys/\(id)", cookie: marketer.cookie)).text.contains("journey-editor"))
            #expect(try await post("/journeys/\(id)/steps/start", [("f.duration.hours", "3")]).status == .conflict)
        }
    }
}
