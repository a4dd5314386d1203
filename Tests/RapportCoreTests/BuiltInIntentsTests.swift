import RapportCore
import RapportLearning
import Testing

/// The built-in intents recognise messages that are not among their examples, in English
/// and Indonesian, and leave unrelated questions out of scope.
@Suite("Built-in intents")
struct BuiltInIntentsTests {
    static let heldOut: [(String, String?)] = [
        ("hey, where's my package? order 1005", "order_status"),
        ("has order #2231 been shipped", "order_status"),
        ("can you give me the tracking number for my parcel", "track_shipment"),
        ("i want to send back the shoes", "start_return"),
        ("how can i return a jacket that doesn't fit", "start_return"),
        ("did my refund go through", "return_status"),
        ("please cancel order 1002", "cancel_order"),
        ("send me a link so I can pay", "payment_link"),
        ("my payment was declined", "payment_problem"),
        ("please change the delivery address", "change_address"),
        ("do you have this in size M", "product_question"),
        ("how long does shipping take to Surabaya", "shipping_policy"),
        ("what time do you open on saturday", "store_hours"),
        ("can I speak to a human please", "talk_to_human"),
        ("this is useless, I want a person", "talk_to_human"),
        ("hello!", "greeting"),
        ("thank you so much", "thanks"),
        ("I'm really disappointed with your service", "complaint"),
        ("pesanan saya sudah sampai mana", "order_status"),
        ("minta resi pengiriman", "track_shipment"),
        ("saya mau retur sepatu", "start_return"),
        ("tolong batalkan pesanan saya", "cancel_order"),
        ("bicara dengan admin", "talk_to_human"),
        ("makasih banyak", "thanks"),
        ("how many loyalty points have I collected", "loyalty_balance"),
        ("can I use my points for a discount", "redeem_points"),
        ("berapa poin saya sekarang", "loyalty_balance"),
        ("do you do wholesale prices for retailers", "wholesale_enquiry"),
        ("bisa pesan grosir untuk toko saya", "wholesale_enquiry"),
        ("what's the weather in Jakarta", nil),
        ("tell me a funny story", nil),
        ("who is the president of france", nil),
    ]

    @Test("held-out messages land on their intent; unrelated ones are out of scope")
    func heldOutMessages() async {
        let classifier = await IntentClassifier.train(
            BuiltInIntents.all.flatMap { intent in intent.examples.map { (text: $0, intent: intent.name) } })
        var wrong: [String] = []
        for (text, expected) in Self.heldOut {
            let predicted = classifier.predict(text).intent
            if predicted != expected { wrong.append("\(text) → \(predicted ?? "out of scope"), expected \(expected ?? "out of scope")") }
        }
        // A small model from ~230 examples: at most two slips in 32.
        #expect(wrong.count <= 2, "\(wrong)")
    }

    @Test("wholesale enquiries are recognised one by one, and shoppers' near misses are not taken for them (a wrong one opens a lead and hands off)")
    func wholesaleEnquiries() async {
        let classifier = await IntentClassifier.train(
            BuiltInIntents.all.flatMap { intent in intent.examples.map { (text: $0, intent: intent.name) } })
        for text in ["do you do wholesale prices for retailers", "bisa pesan grosir untuk toko saya", "we'd like 150 branded notebooks for a conference"] {
            #expect(classifier.predict(text).intent == "wholesale_enquiry", "\(text)")
        }
        for text in ["do you have mugs", "I want to order a mug", "my discount code doesn't work", "can I use my points for a discount", "where is my order"] {
            #expect(classifier.predict(text).intent != "wholesale_enquiry", "\(text)")
        }
    }

    @Test("a saved set from before a built-in intent existed gains it as it comes")
    func savedSetGainsNewBuiltIns() throws {
        let old = BotIntentSet(
            workspaceID: "wsp_1", version: 3, intents: BuiltInIntents.all.filter { $0.name != "redeem_points" && $0.name != "loyalty_balance" },
            createdBy: "user:usr_1", createdAt: .distantPast)
        let upgraded = old.withBuiltInsAdded()
        #expect(Set(upgraded.intents.map(\.name)) == Set(BuiltInIntents.all.map(\.name)))
        #expect(upgraded.version == 3 && upgraded.intents.prefix(old.intents.count) == old.intents[...], "the saved intents first, unchanged")
        #expect(BuiltInIntents.all == BotIntentSet.builtIn(workspaceID: "wsp_1").withBuiltInsAdded().intents, "a full set gains nothing")
    }
}
