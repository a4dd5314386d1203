import Foundation

/// How the bot tells a customer about an order, in their language: where it stands, what is
/// in it, how it ships, and where a return stands.
enum OrderNarration {
    static func day(_ date: Date, in language: BotLanguage = .english) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .indonesian ? "id_ID" : "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: date)
    }

    static func items(_ lines: [OrderLine]) -> String {
        lines.map { "\($0.title) ×\($0.quantity)" }.joined(separator: ", ")
    }

    static func total(_ order: Order) -> String { MoneyText.format(order.totals.total, order.currency) }

    /// Status, items and the shipment with its tracking link.
    static func status(of order: Order, paymentLink: String?, in language: BotLanguage) -> String {
        let say = language.say
        let what = say("Order", "Pesanan") + " #\(order.number) (\(items(order.lines)))"
        let shipment = order.fulfillments.last
        let carrier = shipment?.carrier.map { say(" with ", " lewat ") + $0 } ?? ""
        let tracking = tracking(of: shipment, in: language)
        let on = { (date: Date?) in date.map { say(" on ", " pada ") + day($0, in: language) } ?? "" }
        let refunded = MoneyText.format(order.totals.refunded, order.currency)
        switch order.status {
        case .pending:
            return say("\(what) is waiting for payment of \(total(order)).", "\(what) menunggu pembayaran \(total(order)).")
                + (paymentLink.map { say(" You can pay here: ", " Anda bisa membayar di sini: ") + $0 } ?? "")
        case .paid:
            return say(
                "\(what) is paid and being prepared for shipping. You'll get the tracking link as soon as it leaves our warehouse.",
                "\(what) sudah lunas dan sedang disiapkan untuk dikirim. Link pelacakan menyusul begitu paket keluar dari gudang kami.")
        case .fulfilled:
            return say("\(what) was shipped", "\(what) sudah dikirim") + on(order.fulfilledAt) + "\(carrier).\(tracking)"
        case .delivered:
            return say("\(what) was delivered", "\(what) sudah diterima") + on(order.deliveredAt) + "\(carrier).\(tracking)"
        case .cancelled:
            return say("\(what) was cancelled", "\(what) sudah dibatalkan") + on(order.cancelledAt) + "."
        case .refunded:
            return say("\(what) was refunded in full (\(refunded)).", "\(what) sudah dikembalikan dananya seluruhnya (\(refunded)).")
        case .partiallyRefunded:
            return say("\(what) was delivered and partly refunded (\(refunded)).", "\(what) sudah diterima dan sebagian dananya dikembalikan (\(refunded)).")
                + tracking
        }
    }

    private static func tracking(of shipment: Fulfillment?, in language: BotLanguage) -> String {
        if let url = shipment?.trackingURL { return language.say(" Track it here: ", " Lacak di sini: ") + url }
        if let number = shipment?.trackingNumber { return language.say(" The tracking number is \(number).", " Nomor resinya \(number).") }
        return ""
    }

    static func returnStatus(_ orderReturn: OrderReturn, order: Order, in language: BotLanguage) -> String {
        let say = language.say
        let what = say("Your return", "Retur Anda") + " \(orderReturn.id) " + say("for order", "untuk pesanan") + " #\(order.number)"
        switch orderReturn.status {
        case .requested: return what + say(" is registered; we're waiting for the parcel to arrive.", " sudah tercatat; kami menunggu paketnya tiba.")
        case .approved: return what + say(" is approved; we'll refund you once the parcel arrives.", " disetujui; dana dikembalikan begitu paketnya tiba.")
        case .received: return what + say(" has arrived and the refund is being processed.", " sudah tiba dan pengembalian dana sedang diproses.")
        case .refunded:
            let amount = orderReturn.refundAmount.map { " (\(MoneyText.format($0, orderReturn.currency)))" } ?? ""
            return what + say(
                " is refunded\(amount). It can take a few working days to show on your statement.",
                " sudah dikembalikan dananya\(amount). Bisa perlu beberapa hari kerja sampai terlihat di rekening Anda.")
        case .rejected: return what + say(" was not accepted. A colleague can explain why if you'd like.", " tidak diterima. Rekan kami bisa menjelaskan alasannya jika Anda mau.")
        }
    }

    /// When the return window started: delivery, or shipping when delivery is unknown.
    static func returnWindowStart(of order: Order) -> Date? {
        order.deliveredAt ?? order.fulfillments.compactMap(\.deliveredAt).max() ?? order.fulfilledAt ?? order.fulfillments.last?.createdAt
    }
}
