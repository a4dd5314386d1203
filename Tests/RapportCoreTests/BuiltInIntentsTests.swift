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
        // A small model from ~200 examples: at most two slips in 27.
        #expect(wrong.count <= 2, "\(wrong)")
    }
}
