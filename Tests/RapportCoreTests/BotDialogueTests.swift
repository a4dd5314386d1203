import Foundation
@testable import RapportCore
@testable import RapportLearning
import Testing

@Suite("The bot's dialogue, without a database")
struct BotDialogueTests {
    static func context(_ text: String, intent: String?, customer: Customer? = nil, settings: BotSettings = BotSettings()) -> BotContext {
        BotContext(
            text: text, prediction: IntentPrediction(intent: intent, nearest: intent ?? "greeting", margin: 1, confidence: intent == nil ? 0 : 0.9),
            entities: [], sentiment: Sentiment(score: 0), settings: settings, channel: .webchat, customer: customer,
            channelVerified: false, customerOrders: [], namedOrders: [], returnsByOrder: [:], knowledge: nil, intentAnswers: [:],
            now: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func turn(_ text: String, intent: String?, state: BotState = BotState(), customer: Customer? = nil, settings: BotSettings = BotSettings()) -> BotDialogue {
        var dialogue = BotDialogue(state: state, context: context(text, intent: intent, customer: customer, settings: settings))
        dialogue.respond()
        return dialogue
    }

    @Test("asking for a person hands the conversation over at once")
    func askedForPerson() {
        #expect(Self.turn("I want to talk to a human", intent: "talk_to_human").turn.handoff == .asked)
    }

    @Test("a VIP customer goes to a person before the bot answers the message itself")
    func vip() {
        let vip = Customer(
            id: "cus_1", workspaceID: "wsp_1", profile: CustomerProfile(firstName: "Ada", tags: ["vip"]), identities: [],
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        let dialogue = Self.turn("hello", intent: "greeting", customer: vip, settings: BotSettings(handOffVIP: true, vipTag: "vip"))
        #expect(dialogue.turn.handoff == .vip)
        #expect(dialogue.turn.replies.count == 1, "only the word that a colleague takes over")
        #expect(dialogue.turn.replies.allSatisfy { !$0.contains("Ada") }, "no greeting")
    }

    @Test("a wholesale enquiry opens a lead and hands over for sales; while the bot waits for an answer, a business-like answer stays the answer")
    func wholesale() {
        let enquiry = Self.turn("we are a hotel and need 200 towels", intent: "wholesale_enquiry")
        #expect(enquiry.turn.handoff == .sales)
        #expect(enquiry.turn.actions == [.openLead(request: "we are a hotel and need 200 towels")])

        let order = BotPointsDialogueTests.order(customerID: "cus_1")
        var waiting = BotState()
        waiting.task = .startReturn
        waiting.orderID = order.id
        waiting.awaiting = .returnReason
        let context = BotContext(
            text: "we ordered 50 for our cafe and they arrived broken",
            prediction: IntentPrediction(intent: "wholesale_enquiry", nearest: "wholesale_enquiry", margin: 1, confidence: 0.9), entities: [],
            sentiment: Sentiment(score: 0), settings: BotSettings(), channel: .whatsapp, customer: nil, channelVerified: true, customerOrders: [order],
            namedOrders: [], returnsByOrder: [:], knowledge: nil, intentAnswers: [:], now: Date(timeIntervalSince1970: 1_700_000_000))
        var answered = BotDialogue(state: waiting, context: context)
        answered.respond()
        #expect(answered.turn.handoff != .sales && !answered.turn.actions.contains { if case .openLead = $0 { true } else { false } }, "\(answered.turn)")
    }

    @Test("thanks closes the conversation as contained, with a goodbye")
    func thanksResolves() {
        let dialogue = Self.turn("thanks!", intent: "thanks")
        #expect(dialogue.turn.resolves)
        #expect(dialogue.turn.handoff == nil)
        #expect(dialogue.turn.replies.count == 1)
    }

    @Test("not understanding twice in a row hands over as low confidence")
    func patience() {
        let first = Self.turn("blorp", intent: nil)
        #expect(first.turn.handoff == nil)
        #expect(first.turn.replies.count == 1)
        let second = Self.turn("zzz", intent: nil, state: first.state)
        #expect(second.turn.handoff == .lowConfidence)
    }
}

@Suite("The bot's vocabularies")
struct BotVocabularyTests {
    @Test("every built-in intent has examples in the starting set")
    func vocabulariesAgree() {
        let starting = Set(BuiltInIntents.all.map(\.name))
        #expect(starting == Set(BuiltInIntent.allCases.map(\.rawValue) + [BuiltInIntents.outOfScope]))
        #expect(BuiltInIntent.allCases.filter(\.isOrderTask).count == 8)
    }

    @Test("a task is stored by its intent's name, so sessions saved before it was typed read back")
    func storedTaskNames() throws {
        var state = BotState()
        state.task = .startReturn
        let json = String(decoding: try JSONCoding.makeEncoder().encode(state), as: UTF8.self)
        #expect(json.contains(#""task":"start_return""#))
        #expect(try JSONCoding.makeDecoder().decode(BotState.self, from: Data(json.utf8)).task == .startReturn)
    }
}
