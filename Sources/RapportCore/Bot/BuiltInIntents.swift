/// The retail intents every store starts with, in English and Indonesian, and examples of
/// what is out of scope. Stores edit and extend them in Settings → Bot; the names here are
/// the ones the bot's work is attached to.
public enum BuiltInIntents {
    public static let names: [String] = BuiltInIntent.allCases.map(\.rawValue)
    public static let outOfScope = "oos"

    public static let all: [BotIntent] = [
        BotIntent(name: BuiltInIntent.orderStatus.rawValue, examples: [
            "where is my order", "where is order #1001", "what is the status of my order", "has my order shipped yet",
            "when will my order arrive", "my order hasn't arrived", "any update on my order", "order status please",
            "is my order on its way", "check order 1002 for me", "I ordered last week and nothing came",
            "what's happening with my purchase", "did you send my package",
            "pesanan saya di mana", "status pesanan saya", "kapan pesanan saya sampai", "pesanan #1001 sudah dikirim belum",
            "cek pesanan saya dong", "barang saya belum datang", "orderan saya gimana kabarnya",
        ]),
        BotIntent(name: BuiltInIntent.trackShipment.rawValue, examples: [
            "tracking number please", "can I get the tracking link", "track my package", "which courier is delivering my parcel",
            "give me the tracking code", "where is my parcel now", "how do I track my shipment", "send me the tracking info",
            "nomor resi dong", "minta nomor resi", "lacak paket saya", "kurir apa yang kirim paket saya", "link tracking pengiriman",
        ]),
        BotIntent(name: BuiltInIntent.startReturn.rawValue, examples: [
            "I want to return an item", "I'd like to return one item", "how do I return this", "can I send this back",
            "return the shirt", "I need to return my order", "this doesn't fit, I want to return it", "start a return",
            "I want a refund for this item", "the product is damaged and I want to return it", "exchange this for another size",
            "saya mau retur barang", "mau kembalikan barang", "bagaimana cara retur", "barangnya rusak mau dikembalikan",
            "ukurannya tidak pas, mau tukar", "saya mau refund",
        ]),
        BotIntent(name: BuiltInIntent.returnStatus.rawValue, examples: [
            "what is the status of my return", "did you receive my return", "when do I get my refund", "where is my refund",
            "has my return been processed", "I sent the item back, any news", "refund still not received",
            "status retur saya", "refund saya kapan masuk", "barang retur sudah diterima belum", "dana saya belum kembali",
        ]),
        BotIntent(name: BuiltInIntent.cancelOrder.rawValue, examples: [
            "cancel my order", "I want to cancel order 1002", "please cancel it", "can I cancel my purchase",
            "I changed my mind, cancel the order", "stop my order", "I don't want the order anymore",
            "batalkan pesanan saya", "saya mau cancel pesanan", "tolong batalin orderan", "pesanan dibatalkan saja",
        ]),
        BotIntent(name: BuiltInIntent.paymentLink.rawValue, examples: [
            "send me the payment link", "how do I pay for my order", "I want to pay now", "where can I pay",
            "can you send the invoice link", "give me a link to pay", "I haven't paid yet, how do I pay",
            "minta link pembayaran", "cara bayar pesanan gimana", "saya mau bayar sekarang", "kirim link bayar dong",
        ]),
        BotIntent(name: BuiltInIntent.paymentProblem.rawValue, examples: [
            "my payment failed", "I was charged twice", "payment didn't go through", "I paid but the order says unpaid",
            "my card was declined", "money was taken but no confirmation", "problem with my payment",
            "pembayaran saya gagal", "saya sudah bayar tapi status belum lunas", "uang terpotong dua kali", "kartu saya ditolak",
        ]),
        BotIntent(name: BuiltInIntent.changeAddress.rawValue, examples: [
            "change my delivery address", "I need to update the shipping address", "wrong address on my order",
            "can you send it to a different address", "I moved, please change the address", "update address for order 1002",
            "ganti alamat pengiriman", "alamat saya salah", "tolong ubah alamat pesanan", "kirim ke alamat lain",
        ]),
        BotIntent(name: BuiltInIntent.productQuestion.rawValue, examples: [
            "is this available in blue", "what material is the jacket", "do you have size XL", "is it waterproof",
            "what are the dimensions", "does it come with a warranty", "is the mug dishwasher safe", "when will it be back in stock",
            "ada warna lain", "bahannya apa", "ukuran L masih ada", "apakah tahan air", "stoknya kapan ada lagi",
        ]),
        BotIntent(name: BuiltInIntent.shippingPolicy.rawValue, examples: [
            "how much is shipping", "do you ship internationally", "how long does delivery take", "is shipping free",
            "which couriers do you use", "do you deliver on weekends", "what is your return policy",
            "ongkirnya berapa", "bisa kirim ke luar negeri", "berapa lama pengiriman", "gratis ongkir",
        ]),
        BotIntent(name: BuiltInIntent.storeHours.rawValue, examples: [
            "what are your opening hours", "when are you open", "is the store open on sunday", "what time do you close",
            "where is your shop", "store address", "are you open today",
            "jam buka toko", "toko buka jam berapa", "hari minggu buka", "alamat toko di mana",
        ]),
        BotIntent(name: BuiltInIntent.loyaltyBalance.rawValue, examples: [
            "how many points do I have", "what's my points balance", "check my loyalty points", "how many reward points have I got",
            "do I have any points", "my points balance please", "what tier am I in", "when do my points expire",
            "how close am I to gold", "did I get points for my last order",
            "poin saya berapa", "cek poin saya", "sisa poin saya berapa", "saya punya berapa poin", "kapan poin saya hangus",
        ]),
        BotIntent(name: BuiltInIntent.redeemPoints.rawValue, examples: [
            "use my points", "I want to redeem my points", "can I spend my points", "turn my points into a discount",
            "redeem points for a voucher", "how do I use my reward points", "I'd like a discount code with my points",
            "spend my loyalty points", "exchange my points for free shipping",
            "pakai poin saya", "tukar poin saya", "saya mau tukar poin", "poin bisa ditukar apa", "tukar poin jadi voucher",
        ]),
        BotIntent(name: BuiltInIntent.talkToHuman.rawValue, examples: [
            "I want to talk to a person", "let me speak to a human", "agent please", "can I talk to someone real",
            "connect me with customer service", "I want a person", "real human please", "transfer me to an agent",
            "stop the bot", "operator",
            "saya mau bicara dengan orang", "minta cs", "sambungkan ke admin", "mau ngobrol sama manusia", "admin dong",
        ]),
        BotIntent(name: BuiltInIntent.wholesaleEnquiry.rawValue, examples: [
            "do you sell wholesale", "I'd like to order in bulk", "can I get a quote for 300 mugs", "do you offer trade prices for shops",
            "we are a hotel and need 200 towels", "corporate gifts for our staff", "is there a discount for large orders",
            "I run a cafe and want to stock your coffee", "can we become a reseller", "we need custom printed bags with our logo for an event",
            "apakah bisa beli grosir", "harga grosir berapa", "saya mau pesan dalam jumlah banyak", "mau jadi reseller",
            "untuk kantor kami butuh 100 pcs", "bisa pesan souvenir perusahaan",
        ]),
        BotIntent(name: BuiltInIntent.greeting.rawValue, examples: [
            "hi", "hello", "hey there", "good morning", "good evening", "hello is anyone there", "hi team",
            "halo", "hai", "selamat pagi", "selamat siang", "permisi", "halo kak",
        ]),
        BotIntent(name: BuiltInIntent.thanks.rawValue, examples: [
            "thanks", "thank you", "thanks a lot", "great, thank you", "perfect thanks", "that's all, thanks", "cheers",
            "terima kasih", "makasih", "makasih kak", "oke terima kasih", "sip thanks",
        ]),
        BotIntent(name: BuiltInIntent.complaint.rawValue, examples: [
            "this is unacceptable", "your service is terrible", "I am very disappointed", "worst shop ever",
            "I want to file a complaint", "this is the third time this happens", "you ruined my gift",
            "saya sangat kecewa", "pelayanan buruk sekali", "saya mau komplain", "parah banget tokonya",
        ]),
        BotIntent(name: outOfScope, examples: [
            "what's the weather tomorrow", "tell me a joke", "who won the football match", "what is the capital of france",
            "play some music", "how old are you", "what is the meaning of life", "book me a flight", "translate this to german",
            "what's 15 times 7", "recommend a movie", "set an alarm for 7", "how tall is mount everest", "write me a poem",
            "cuaca besok gimana", "ceritakan lelucon", "siapa presiden amerika", "berapa kurs dollar hari ini",
        ]),
    ]
}
