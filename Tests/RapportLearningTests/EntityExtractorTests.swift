import Foundation
import RapportLearning
import Testing

@Suite("Entities")
struct EntityExtractorTests {
    let extractor = EntityExtractor()
    let today = Date(timeIntervalSince1970: 1_795_500_000)  // 2026-11-24

    func values(_ text: String) -> [String] {
        extractor.entities(in: text, today: today).map { "\($0.kind.rawValue) \($0.value)" }
    }

    @Test("order numbers after #, an order word, in English and Indonesian; not every number")
    func orderNumbers() {
        #expect(values("Where is order #1001?") == ["order_number 1001"])
        #expect(values("pesanan no. 114906 belum sampai") == ["order_number 114906"])
        #expect(values("my order SO-20931 and #5512") == ["order_number SO-20931", "order_number 5512"])
        #expect(values("I bought 2 shirts") == [])
    }

    @Test("e-mail addresses and phone numbers, normalised")
    func contacts() {
        #expect(values("It's Ada.Lovelace@Example.com, call +49 151 1234 5678") == [
            "email ada.lovelace@example.com", "phone +4915112345678",
        ])
        #expect(values("nomor saya 0812-3456-7890") == ["phone 081234567890"])
    }

    @Test("dates as written or as today, tomorrow, yesterday (also in Indonesian)")
    func dates() {
        #expect(values("delivered on 2026-11-20 or 21.11.2026?") == ["date 2026-11-20", "date 2026-11-21"])
        #expect(values("it should have come yesterday") == ["date 2026-11-23"])
        #expect(values("bisa dikirim besok?") == ["date 2026-11-25"])
        #expect(values("on 2026-02-30") == [])
    }

    @Test("amounts with their currency, whichever way the decimals are written")
    func amounts() {
        #expect(values("I was charged €49,90 twice") == ["amount 49.90 EUR"])
        #expect(values("refund $1,250.50 please") == ["amount 1250.50 USD"])
        #expect(values("sudah bayar Rp 150.000") == ["amount 150000 IDR"])
        #expect(values("it cost 20 EUR") == ["amount 20 EUR"])
    }
}
