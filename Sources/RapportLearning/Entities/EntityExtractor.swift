import Foundation

/// Finds order numbers, e-mail addresses, phone numbers, dates and amounts in a message, in
/// English and Indonesian. Each part of the text belongs to one entity at most: e-mails first,
/// then amounts, dates and phone numbers, and what is left of digits after an order word or `#`
/// is an order number.
public struct EntityExtractor: Sendable {
    static let currencies: [String: String] = [
        "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP",
        "rp": "IDR", "idr": "IDR", "rupiah": "IDR",
    ]

    public init() {}

    public func entities(in text: String, today: Date = Date()) -> [Entity] {
        var found: [(range: Range<String.Index>, entity: Entity)] = []
        var taken: [Range<String.Index>] = []
        func claim(_ range: Range<String.Index>, _ kind: EntityKind, _ value: String) {
            guard !taken.contains(where: { $0.overlaps(range) }) else { return }
            taken.append(range)
            found.append((range, Entity(kind: kind, text: String(text[range]), value: value)))
        }
        for match in text.matches(of: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/) {
            claim(match.range, .email, String(match.output).lowercased())
        }
        for match in text.matches(of: /(?i)(€|\$|£|rp\.?|idr|eur|usd|gbp)\s?(\d[\d.,]*\d|\d)|(\d[\d.,]*\d|\d)\s?(€|eur|euros?|usd|\$|gbp|£|idr|rupiah)\b/) {
            let symbol = String(match.output.1 ?? match.output.4 ?? "").lowercased().replacingOccurrences(of: ".", with: "")
            let digits = String(match.output.2 ?? match.output.3 ?? "")
            let currency = Self.currencies[symbol] ?? symbol.uppercased()
            if let amount = Self.amount(digits, currency: currency) { claim(match.range, .amount, "\(amount) \(currency)") }
        }
        for match in text.matches(of: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b|\b(\d{1,2})[\/.](\d{1,2})[\/.](\d{4})\b/) {
            let (year, month, day) = match.output.1 != nil
                ? (Int(match.output.1 ?? "") ?? 0, Int(match.output.2 ?? "") ?? 0, Int(match.output.3 ?? "") ?? 0)
                : (Int(match.output.6 ?? "") ?? 0, Int(match.output.5 ?? "") ?? 0, Int(match.output.4 ?? "") ?? 0)
            if let date = Self.date(year, month, day) { claim(match.range, .date, date) }
        }
        for match in text.matches(of: /(?i)\b(today|tomorrow|yesterday|hari ini|besok|kemarin)\b/) {
            let offset = switch String(match.output.1).lowercased() {
            case "tomorrow", "besok": 1
            case "yesterday", "kemarin": -1
            default: 0
            }
            claim(match.range, .date, Self.day(today.addingTimeInterval(Double(offset) * 86_400)))
        }
        for match in text.matches(of: /(?:\+|\b00|\b0)\d[\d \-]{7,16}\d/) {
            var digits = String(match.output).filter(\.isNumber)
            if match.output.hasPrefix("00") { digits.removeFirst(2); digits = "+" + digits } else if match.output.hasPrefix("+") { digits = "+" + digits }
            let count = digits.filter(\.isNumber).count
            if (8...15).contains(count) { claim(match.range, .phone, digits) }
        }
        // Words that announce an order number: "order 1001", "pesanan no. 1001", "#1001".
        for match in text.matches(of: /(?i)(#\s?|\b(?:order|orders|pesanan|nomor|no|number|bestellung|invoice|faktur)\.?\s*(?:#|no\.?|number|nomor)?\s*)([A-Z]{0,4}-?\d{3,12})\b/) {
            claim(match.output.2.startIndex..<match.output.2.endIndex, .orderNumber, String(match.output.2).uppercased())
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }.map(\.entity)
    }

    /// `1.250,50` (German, Indonesian), `1,250.50` (English), `150.000` (thousands) as `1250.50`,
    /// `150000`; nil when it is no number.
    static func amount(_ text: String, currency: String) -> String? {
        let lastDot = text.lastIndex(of: ".")
        let lastComma = text.lastIndex(of: ",")
        var decimal: Character?
        if let lastDot, let lastComma {
            decimal = lastDot > lastComma ? "." : ","
        } else if let mark = lastDot ?? lastComma {
            // One kind of mark: decimal when two digits or fewer follow it, thousands otherwise.
            decimal = text.distance(from: mark, to: text.endIndex) <= 3 && currency != "IDR" ? text[mark] : nil
        }
        var normalized = ""
        for character in text {
            if character.isNumber {
                normalized.append(character)
            } else if character == decimal {
                normalized.append(".")
            }
        }
        guard let number = Double(normalized) else { return nil }
        return decimal == nil ? String(Int64(number)) : String(format: "%.2f", number)
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> String? {
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        guard (1...12).contains(month), (1...31).contains(day), (1900...2200).contains(year),
            let date = Calendar(identifier: .gregorian).date(from: components),
            Calendar(identifier: .gregorian).component(.day, from: date) == day
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
