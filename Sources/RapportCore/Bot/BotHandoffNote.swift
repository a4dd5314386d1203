import Foundation

/// The private note a person finds when the bot hands a conversation over: why, what the
/// customer wants, the order involved and what the bot already did, so nobody asks twice.
struct BotHandoffNote {
    let reason: HandoffReason
    let state: BotState
    let context: BotContext
    let order: Order?

    var text: String {
        var lines = ["🤖 Bot hand-off: \(reason.label)."]
        let intent = context.prediction.intent ?? state.lastIntent
        let confidence = Int((context.prediction.confidence * 100).rounded())
        lines.append("Intent: \(intent.map { $0.replacingOccurrences(of: "_", with: " ") } ?? "not recognised") (\(confidence)% sure of \"\(context.prediction.nearest)\").")
        if let order {
            lines.append("Order: #\(order.number), \(order.status.rawValue.replacingOccurrences(of: "_", with: " ")), \(OrderNarration.total(order)) — \(OrderNarration.items(order.lines)).")
        } else {
            lines.append("Order: none identified yet.")
        }
        let wants = state.request.map { "“\($0.prefix(300))”" }
        let latest = "“\(context.text.prefix(300))”"
        lines.append("Customer wants: \(wants.map { $0 == latest ? $0 : "\($0), then wrote \(latest)" } ?? latest).")
        lines.append("Mood: \(context.sentiment.label.rawValue) (\(String(format: "%.2f", context.sentiment.score))).")
        lines.append("Bot tried: \(state.tried.isEmpty ? "nothing yet" : state.tried.joined(separator: "; ")).")
        return lines.joined(separator: "\n")
    }
}
