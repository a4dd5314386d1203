import Foundation
import RapportCore

/// How the workspace shows times, amounts, channels and delivery states to people.
enum WebFormat {
    static func initials(_ name: String) -> String {
        let letters = name.split(separator: " ").prefix(2).compactMap(\.first)
        return letters.isEmpty ? "?" : String(letters).uppercased()
    }

    /// `just now`, `5 min ago`, `3 h ago`, `2 d ago`, then the date.
    static func ago(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3600) h ago"
        case ..<(7 * 86_400): return "\(seconds / 86_400) d ago"
        default: return day(date)
        }
    }

    /// `in 2 h 5 min` or `5 min overdue`.
    static func due(_ date: Date, now: Date) -> String {
        let seconds = Int(date.timeIntervalSince(now))
        let text = span(abs(seconds))
        return seconds >= 0 ? "in \(text)" : "\(text) overdue"
    }

    static func span(_ seconds: Int) -> String {
        if seconds < 3600 { return "\(max(seconds / 60, 1)) min" }
        if seconds < 86_400 { return "\(seconds / 3600) h \(seconds % 3600 / 60) min" }
        return "\(seconds / 86_400) d \(seconds % 86_400 / 3600) h"
    }

    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// `2026-11-24 14:05 UTC` (the ISO form goes in the `datetime` attribute).
    static func time(_ date: Date) -> String {
        let parts = date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeSeparator(.colon))
        return parts.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "").dropLast(3) + " UTC"
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func money(_ minorUnits: Int64, _ currency: String) -> String {
        MoneyText.format(minorUnits, currency)
    }

    /// A return on investment as a multiple of the cost: `4.2×` ((revenue − cost) / cost).
    static func returnOnInvestment(_ value: Double) -> String {
        String(format: "%.1f×", value)
    }

    static func channelName(_ channel: InboxChannel) -> String {
        switch channel {
        case .email: "E-mail"
        case .whatsapp: "WhatsApp"
        case .messenger: "Messenger"
        case .instagram: "Instagram"
        case .sms: "SMS"
        case .voice: "Phone"
        case .webchat: "Web chat"
        case .store: "Store"
        }
    }

    /// Two letters shown in the channel's badge (its name is beside it for screen readers).
    static func channelBadge(_ channel: InboxChannel) -> String {
        switch channel {
        case .email: "@"
        case .whatsapp: "WA"
        case .messenger: "FB"
        case .instagram: "IG"
        case .sms: "SMS"
        case .voice: "☎"
        case .webchat: "WC"
        case .store: "ST"
        }
    }

    /// The tick and its words: 🕓 waiting, ✓ sent, ✓✓ delivered, ✓✓ (blue) read, ! failed.
    static func delivery(_ status: DeliveryStatus?) -> (mark: String, words: String, state: String)? {
        guard let status else { return nil }
        switch status {
        case .pending: return ("◷", "Sending", "pending")
        case .sent: return ("✓", "Sent", "sent")
        case .delivered: return ("✓✓", "Delivered", "delivered")
        case .read: return ("✓✓", "Read", "read")
        case .failed: return ("!", "Not delivered", "failed")
        }
    }

    static func customerName(_ customer: Customer?) -> String {
        guard let customer else { return "Unknown customer" }
        let name = [customer.profile.firstName, customer.profile.lastName].compactMap { $0 }.joined(separator: " ")
        if !name.isEmpty { return name }
        return customer.identities.first.map(\.value) ?? "Customer \(customer.id.suffix(6))"
    }

    /// A field error in plain words: `text is required` → `Text is required.`
    static func problem(_ error: FieldError) -> String {
        if error.field.hasPrefix("settings.") { return "The setting \(error.field.dropFirst(9)) \(error.message)." }
        let field = error.field.replacingOccurrences(of: "_", with: " ")
        return field.prefix(1).uppercased() + field.dropFirst() + " " + error.message + "."
    }

    /// An http(s) link as given, anything else (`javascript:`, `data:`) as no link at all.
    static func safeLink(_ url: String) -> String? {
        let lowered = url.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") ? url : nil
    }

    static func customerName(snapshot: CustomerSnapshot) -> String {
        let name = [snapshot.profile.firstName, snapshot.profile.lastName].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? snapshot.identities.first.map(\.value) ?? "a customer" : name
    }

    static func attribute(_ value: AttributeValue?) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .boolean(let flag): flag ? "yes" : "no"
        case nil: ""
        }
    }

    /// A 1–5 rating as five stars, filled up to it: `★★★★☆`.
    static func stars(_ rating: Int) -> String {
        let filled = min(max(rating, 0), 5)
        return String(repeating: "★", count: filled) + String(repeating: "☆", count: 5 - filled)
    }

    /// A customer message's sentiment as the thread shows it: only when it leans one way.
    static func mood(_ score: Double) -> MoodView? {
        if score <= -0.25 { return MoodView(words: "sounds upset", state: "negative", score: String(format: "%.2f", score)) }
        if score >= 0.25 { return MoodView(words: "sounds happy", state: "positive", score: String(format: "%.2f", score)) }
        return nil
    }

    /// The RFM segments as a select's options, `selected` marked.
    static func segmentOptions(selected: RFMSegment?) -> [ChoiceView] {
        RFMSegment.allCases.map { ChoiceView(value: $0.rawValue, label: $0.label, selected: $0 == selected) }
    }
}
