import Foundation
import RapportLearning

/// The bot's rules: given what it remembers of the conversation and what it knows now,
/// what it answers, what it changes and when a person takes over. Pure: it reads the
/// context and returns the turn; `BotService` loads the context and applies the turn.
struct BotDialogue {
    var state: BotState
    let context: BotContext
    var turn = BotTurn()

    /// Sentiment at or below this hands the conversation to a person.
    static let upsetScore = -0.5
    /// Misunderstood messages in a row before a person takes over.
    static let patience = 2
    static let verificationAttempts = 3

    init(state: BotState, context: BotContext) {
        self.state = state
        self.context = context
    }

    /// The customer's language (English until a message shows one).
    var language: BotLanguage { state.language ?? .english }

    mutating func respond() {
        if let detected = BotLanguage.detect(context.text) { state.language = detected }
        let intent = context.prediction.intent
        if let intent { state.lastIntent = intent }
        let builtIn = intent.flatMap(BuiltInIntent.init(rawValue:))
        if context.isVIP { return handOff(.vip) }
        // "yes please" to the bot's question is an answer, however much it sounds like "agent please".
        let answersYesOrNo = state.awaiting != nil && (BotAnswerReading.isYes(context.text) || BotAnswerReading.isNo(context.text))
        if builtIn == .talkToHuman && !answersYesOrNo { return handOff(.asked) }
        if builtIn == .complaint { return handOff(.complaint) }
        if context.sentiment.score <= Self.upsetScore { return handOff(.negativeSentiment) }
        if let question = state.awaiting, answer(question) { return }
        guard let intent else { return notUnderstood() }
        state.misunderstood = 0
        switch builtIn {
        case .greeting:
            let name = context.customer?.profile.firstName.map { " \($0)" } ?? ""
            say(language.say(
                "Hi\(name)! I can tell you where your order is, start a return, send a payment link, change an address or cancel an order before it ships, and answer questions about the shop. What can I do for you?",
                "Halo\(name)! Saya bisa cek status pesanan, memulai retur, mengirim link pembayaran, mengubah alamat atau membatalkan pesanan sebelum dikirim, dan menjawab pertanyaan tentang toko. Ada yang bisa saya bantu?"))
        case .thanks:
            state.finishTask()
            say(language.say("You're welcome! I'll close this chat now; write again any time.", "Sama-sama! Percakapan ini saya tutup dulu; silakan tulis lagi kapan saja."))
            turn.resolves = true
        case .orderStatus, .trackShipment, .startReturn, .returnStatus, .cancelOrder, .changeAddress, .paymentLink, .paymentProblem:
            state.finishTask()
            state.task = builtIn
            state.request = context.text
            withOrder()
        case .loyaltyBalance, .redeemPoints:
            state.finishTask()
            state.task = builtIn
            state.request = context.text
            withPoints()
        case .productQuestion, .shippingPolicy, .storeHours:
            turn.productAsked = builtIn == .productQuestion
            turn.productAnswered = turn.productAsked && context.knowledge != nil
            answerFromHelpCentre()
        case .wholesaleEnquiry:
            // Not while the bot waits for an answer: an address or a return's reason may sound
            // like a business ("Hotel Aurora, Jl. Sudirman 12") and is read as the answer first.
            handOverToSales()
        case .talkToHuman, .complaint, nil:
            if let answer = context.intentAnswers[intent] {
                say(answer)
                state.tried.append("answered \(intent)")
            } else {
                notUnderstood()
            }
        }
    }

    // MARK: Answers to the bot's questions

    /// Reads the message as the answer to `question`; false when it is not one (the message
    /// then counts as a new request).
    private mutating func answer(_ question: BotQuestion) -> Bool {
        switch question {
        case .orderNumber:
            guard !context.orderNumbers.isEmpty else { return false }
            withOrder()
        case .verification:
            verify()
        case .returnItems:
            guard let order = currentOrder else { return false }
            let chosen = BotAnswerReading.lines(in: context.text, from: returnableLines(of: order))
            guard !chosen.isEmpty else {
                if context.prediction.intent != nil && context.prediction.intent != BuiltInIntent.startReturn.rawValue { return false }
                say(language.say("Sorry, which item? Reply with its number from the list.", "Maaf, barang yang mana? Balas dengan nomornya dari daftar."))
                return true
            }
            choose(chosen, of: order)
        case .returnQuantity:
            guard let order = currentOrder, let line = order.lines.first(where: { state.returnLineIDs.first == $0.id }) else { return false }
            let most = line.quantity - claimedQuantities(of: order)[line.id, default: 0]
            // "all" (`Int.max`) means every piece left.
            let said = BotAnswerReading.quantity(in: context.text)
            guard most >= 1 else {
                // A return opened meanwhile claimed every piece.
                state.finishTask()
                say(language.say(
                    "Every \(line.title) of order #\(order.number) is already in a return. Anything else I can do?",
                    "Semua \(line.title) dari pesanan #\(order.number) sudah dalam retur. Ada lagi yang bisa saya bantu?"))
                return true
            }
            guard let quantity = said == Int.max ? most : said, (1...most).contains(quantity) else {
                if context.prediction.intent != nil { return false }
                say(language.say("Please reply with a number from 1 to \(most).", "Balas dengan angka 1 sampai \(most)."))
                return true
            }
            state.returnQuantity = quantity
            state.awaiting = .returnReason
            say(language.say("Got it: \(line.title) ×\(quantity). What's the reason for the return?", "Baik: \(line.title) ×\(quantity). Apa alasan returnya?"))
        case .returnReason:
            guard let order = currentOrder else { return false }
            openReturn(order, reason: context.text)
        case .confirmCancel:
            guard let order = currentOrder else { return false }
            if BotAnswerReading.isYes(context.text) {
                turn.actions.append(.cancelOrder(orderID: order.id))
                state.tried.append("cancelled order #\(order.number)")
                state.finishTask()
                say(language.say(
                    "Order #\(order.number) is cancelled."
                        + (order.status == .paid ? " Your payment goes back to the way you paid within a few working days." : "")
                        + " Anything else I can do?",
                    "Pesanan #\(order.number) sudah dibatalkan."
                        + (order.status == .paid ? " Pembayaran Anda dikembalikan ke metode pembayaran semula dalam beberapa hari kerja." : "")
                        + " Ada lagi yang bisa saya bantu?"))
            } else if BotAnswerReading.isNo(context.text) {
                state.finishTask()
                say(language.say(
                    "Okay, order #\(order.number) stays as it is. Anything else I can do?",
                    "Baik, pesanan #\(order.number) tetap seperti semula. Ada lagi yang bisa saya bantu?"))
            } else {
                return false
            }
        case .newAddress:
            guard let order = currentOrder else { return false }
            guard let address = BotAnswerReading.address(in: context.text, country: order.shippingAddress?.country) else {
                if context.prediction.intent != nil && context.prediction.intent != BuiltInIntent.changeAddress.rawValue { return false }
                say(language.say(
                    "I couldn't read that as an address. Please write the street, then the postcode and city, separated by commas.",
                    "Saya belum bisa membaca alamat itu. Tulis nama jalan, lalu kode pos dan kota, dipisahkan koma."))
                return true
            }
            turn.actions.append(.changeAddress(orderID: order.id, address))
            state.tried.append("changed the address of order #\(order.number)")
            state.finishTask()
            say(language.say(
                "Done: order #\(order.number) will go to \(address.oneLine). Anything else I can do?",
                "Sudah: pesanan #\(order.number) akan dikirim ke \(address.oneLine). Ada lagi yang bisa saya bantu?"))
        case .rewardChoice:
            return answerRewardChoice()
        case .confirmReward:
            return answerRewardConfirmation()
        case .offerHuman:
            if BotAnswerReading.isYes(context.text) {
                handOff(.notAllowed)
            } else if BotAnswerReading.isNo(context.text) {
                state.finishTask()
                say(language.say("Okay. Anything else I can do for you?", "Baik. Ada lagi yang bisa saya bantu?"))
            } else {
                return false
            }
        }
        return true
    }

    // MARK: Orders

    var currentOrder: Order? { state.orderID.flatMap(context.order(id:)) }

    /// Finds the order the task is about (named in the message, already in hand, or the
    /// customer's latest), checks who is asking, then does the task.
    mutating func withOrder() {
        let order: Order
        if let number = context.orderNumbers.first {
            guard let named = context.namedOrders.first(where: { BotContext.order($0, isNumbered: number) }) else {
                state.awaiting = .orderNumber
                return say(language.say(
                    "I can't find an order #\(number). Could you check the number on your confirmation e-mail?",
                    "Saya tidak menemukan pesanan #\(number). Bisa dicek lagi nomornya di e-mail konfirmasi?"))
            }
            order = named
        } else if let inHand = currentOrder {
            order = inHand
        } else if let latest = context.customerOrders.first {
            order = latest
        } else {
            state.awaiting = .orderNumber
            if state.task?.isPointsTask == true {
                return say(language.say(
                    "To keep your points private I first need to know it's you: what is the number of one of your orders (for example #1001)?",
                    "Demi keamanan poin Anda, saya perlu memastikan ini Anda: berapa nomor salah satu pesanan Anda (misalnya #1001)?"))
            }
            return say(language.say(
                "Which order is it about? Please send me the order number (for example #1001).",
                "Pesanan yang mana? Kirimkan nomor pesanannya (misalnya #1001)."))
        }
        state.orderID = order.id
        guard isVerified(order) else {
            state.awaiting = .verification
            if state.task?.isPointsTask == true {
                return say(language.say(
                    "To keep your points private: what is the e-mail address or postcode your order #\(order.number) was placed with?",
                    "Demi keamanan poin Anda: apa alamat e-mail atau kode pos yang dipakai untuk pesanan #\(order.number)?"))
            }
            return say(language.say(
                "To keep your order private: what is the e-mail address or postcode order #\(order.number) was placed with?",
                "Demi keamanan pesanan Anda: apa alamat e-mail atau kode pos yang dipakai untuk pesanan #\(order.number)?"))
        }
        perform(on: order)
    }

    func isVerified(_ order: Order) -> Bool {
        if state.verifiedOrderIDs.contains(order.id) { return true }
        return context.channelVerified && context.customer.map { $0.id == order.customerID } == true
    }

    private mutating func verify() {
        guard let order = currentOrder else { return withOrder() }
        let emails = context.entities.filter { $0.kind == .email }.map(\.value)
        let emailMatches = order.email.map { email in emails.contains { $0.caseInsensitiveCompare(email) == .orderedSame } } ?? false
        let postcodeMatches = order.shippingAddress?.postalCode.map { BotAnswerReading.mentions(postcode: $0, in: context.text) } ?? false
        guard emailMatches || postcodeMatches else {
            state.verificationFailures += 1
            if state.verificationFailures >= Self.verificationAttempts { return handOff(.verificationFailed) }
            return say(language.say(
                "That doesn't match order #\(order.number). Please send the e-mail address or postcode the order was placed with.",
                "Itu tidak cocok dengan pesanan #\(order.number). Kirimkan alamat e-mail atau kode pos yang dipakai untuk pesanan itu."))
        }
        state.verifiedOrderIDs.append(order.id)
        state.verificationFailures = 0
        state.tried.append("confirmed the customer for order #\(order.number)")
        perform(on: order)
    }

    private mutating func perform(on order: Order) {
        state.awaiting = nil
        switch state.task {
        case .orderStatus, .trackShipment:
            say(OrderNarration.status(of: order, paymentLink: paymentLink(for: order), in: language))
            state.tried.append("told the status of order #\(order.number)")
            state.finishTask()
        case .startReturn:
            startReturn(order)
        case .returnStatus:
            state.finishTask()
            if let latest = context.returnsByOrder[order.id]?.max(by: { $0.createdAt < $1.createdAt }) {
                say(OrderNarration.returnStatus(latest, order: order, in: language))
                state.tried.append("told the status of return \(latest.id)")
            } else {
                say(language.say(
                    "I see no return for order #\(order.number) yet. Would you like to start one? Just say \"return\".",
                    "Belum ada retur untuk pesanan #\(order.number). Mau memulai retur? Tulis saja \"retur\"."))
            }
        case .cancelOrder:
            guard [.pending, .paid].contains(order.status) else {
                let cancelled = order.status == .cancelled
                return refuse(language.say(
                    "Order #\(order.number) has already \(cancelled ? "been cancelled" : "shipped"), so I can't cancel it."
                        + (order.status.isFulfilled ? " You can return it once it arrives." : ""),
                    "Pesanan #\(order.number) sudah \(cancelled ? "dibatalkan" : "dikirim"), jadi tidak bisa saya batalkan."
                        + (order.status.isFulfilled ? " Anda bisa meretur setelah barang sampai." : "")), order: order, wanted: "cancel")
            }
            state.awaiting = .confirmCancel
            say(language.say(
                "Shall I cancel order #\(order.number) (\(OrderNarration.items(order.lines)), \(OrderNarration.total(order)))? Reply yes or no.",
                "Batalkan pesanan #\(order.number) (\(OrderNarration.items(order.lines)), \(OrderNarration.total(order)))? Balas ya atau tidak."))
        case .changeAddress:
            guard [.pending, .paid].contains(order.status) else {
                let cancelled = order.status == .cancelled
                return refuse(language.say(
                    "Order #\(order.number) has already \(cancelled ? "been cancelled" : "left our warehouse"), so its address can't change any more.",
                    "Pesanan #\(order.number) sudah \(cancelled ? "dibatalkan" : "keluar dari gudang kami"), jadi alamatnya tidak bisa diubah lagi."),
                    order: order, wanted: "change the address")
            }
            state.awaiting = .newAddress
            let current = order.shippingAddress.map { language.say(" It now goes to \($0.oneLine).", " Saat ini dikirim ke \($0.oneLine).") } ?? ""
            say(language.say(
                "Sure.\(current) What's the new address? Please write the street, then the postcode and city, separated by commas.",
                "Bisa.\(current) Apa alamat barunya? Tulis nama jalan, lalu kode pos dan kota, dipisahkan koma."))
        case .paymentLink, .paymentProblem:
            payment(order)
        case .loyaltyBalance, .redeemPoints:
            withPoints()
        case .productQuestion, .shippingPolicy, .storeHours, .talkToHuman, .wholesaleEnquiry, .greeting, .thanks, .complaint, nil:
            state.finishTask()
        }
    }

    private mutating func payment(_ order: Order) {
        let problem = state.task == .paymentProblem
        switch order.status {
        case .pending:
            guard let link = paymentLink(for: order) else {
                return refuse(language.say(
                    "Order #\(order.number) is waiting for payment of \(OrderNarration.total(order)), but I can't send payment links.",
                    "Pesanan #\(order.number) menunggu pembayaran \(OrderNarration.total(order)), tetapi saya tidak bisa mengirim link pembayaran."),
                    order: order, wanted: "pay")
            }
            state.finishTask()
            state.tried.append("sent the payment link of order #\(order.number)")
            say(language.say(
                (problem ? "We haven't received the payment for order #\(order.number) yet, so it didn't go through. " : "")
                    + "You can pay \(OrderNarration.total(order)) for order #\(order.number) here: \(link)",
                (problem ? "Pembayaran untuk pesanan #\(order.number) belum kami terima, jadi belum berhasil. " : "")
                    + "Anda bisa membayar \(OrderNarration.total(order)) untuk pesanan #\(order.number) di sini: \(link)"))
        case .cancelled:
            state.finishTask()
            say(language.say(
                "Order #\(order.number) was cancelled, so there is nothing to pay.",
                "Pesanan #\(order.number) sudah dibatalkan, jadi tidak ada yang perlu dibayar."))
        case .refunded, .partiallyRefunded:
            state.finishTask()
            let refunded = MoneyText.format(order.totals.refunded, order.currency)
            let whole = order.status == .refunded
            say(language.say(
                "Order #\(order.number) was paid and \(whole ? "refunded in full" : "partly refunded") (\(refunded)).",
                "Pesanan #\(order.number) sudah dibayar dan \(whole ? "dikembalikan seluruhnya" : "dikembalikan sebagian") (\(refunded))."))
        case .paid, .fulfilled, .delivered:
            let paid = order.paidAt.map { language.say(" on ", " pada ") + OrderNarration.day($0, in: language) } ?? ""
            if problem {
                refuse(language.say(
                    "We received your payment of \(OrderNarration.total(order)) for order #\(order.number)\(paid), so the order is paid. If you were charged twice or something else looks wrong, a colleague needs to check it with the payment provider.",
                    "Pembayaran \(OrderNarration.total(order)) untuk pesanan #\(order.number) sudah kami terima\(paid), jadi pesanan sudah lunas. Jika Anda tertagih dua kali atau ada yang janggal, rekan kami perlu mengeceknya dengan penyedia pembayaran."),
                    order: order, wanted: "sort out a payment")
            } else {
                state.finishTask()
                say(language.say(
                    "Order #\(order.number) is already paid\(paid). There's nothing more to pay.",
                    "Pesanan #\(order.number) sudah lunas\(paid). Tidak ada lagi yang perlu dibayar."))
            }
        }
    }

    private func paymentLink(for order: Order) -> String? {
        guard order.status == .pending, let template = context.settings.paymentLinkTemplate else { return nil }
        return MessageTemplate.render(template, values: MessageTemplate.values(customer: context.customer, order: order, agent: nil))
    }

    // MARK: Returns

    /// Line id → quantity already in returns (other than rejected ones).
    private func claimedQuantities(of order: Order) -> [String: Int] {
        var claimed: [String: Int] = [:]
        for item in (context.returnsByOrder[order.id] ?? []).filter({ $0.status != .rejected }).flatMap(\.items) {
            claimed[item.lineID, default: 0] += item.quantity
        }
        return claimed
    }

    /// Lines that may still come back: not final sale, not already claimed by another return.
    private func returnableLines(of order: Order) -> [OrderLine] {
        let claimed = claimedQuantities(of: order)
        let finalSale = context.settings.nonReturnableWords.map { $0.lowercased() }.filter { !$0.isEmpty }
        return order.lines.filter { line in
            let label = "\(line.title) \(line.sku ?? "")".lowercased()
            return line.quantity > claimed[line.id, default: 0] && !finalSale.contains(where: label.contains)
        }
    }

    private mutating func startReturn(_ order: Order) {
        guard order.status.isFulfilled || order.status == .partiallyRefunded, let started = OrderNarration.returnWindowStart(of: order) else {
            let reason = order.status == .cancelled || order.status == .refunded
                ? language.say(
                    "Order #\(order.number) is \(order.status.rawValue), so there is nothing to return.",
                    "Pesanan #\(order.number) sudah \(order.status == .cancelled ? "dibatalkan" : "dikembalikan dananya"), jadi tidak ada yang bisa diretur.")
                : language.say(
                    "Order #\(order.number) hasn't shipped yet, so it can't be returned. I can cancel it instead: just say \"cancel\".",
                    "Pesanan #\(order.number) belum dikirim, jadi belum bisa diretur. Saya bisa membatalkannya: tulis saja \"batalkan\".")
            state.finishTask()
            return say(reason)
        }
        let days = context.settings.returnWindowDays
        if context.now.timeIntervalSince(started) > Double(days) * 86_400 {
            return refuse(language.say(
                "Order #\(order.number) arrived on \(OrderNarration.day(started, in: language)), more than \(days) days ago, so I can't open a return myself.",
                "Pesanan #\(order.number) tiba pada \(OrderNarration.day(started, in: language)), lebih dari \(days) hari yang lalu, jadi saya tidak bisa membuka retur sendiri."),
                order: order, wanted: "return items")
        }
        let lines = returnableLines(of: order)
        guard !lines.isEmpty else {
            return refuse(language.say(
                "None of the items of order #\(order.number) can be returned by me (they are final sale or already in a return).",
                "Tidak ada barang dari pesanan #\(order.number) yang bisa saya returkan (barang final sale atau sudah dalam retur)."),
                order: order, wanted: "return items")
        }
        let named = BotAnswerReading.lines(in: context.text, from: lines)
        if lines.count == 1 || named.count == 1 { return choose(lines.count == 1 ? lines : named, of: order) }
        state.awaiting = .returnItems
        let list = lines.enumerated().map { "\($0.offset + 1). \($0.element.title) ×\($0.element.quantity)" }.joined(separator: "\n")
        say(language.say(
            "Which item of order #\(order.number) would you like to return?\n\(list)\nReply with the number or the name.",
            "Barang mana dari pesanan #\(order.number) yang ingin diretur?\n\(list)\nBalas dengan nomor atau namanya."))
    }

    /// The customer chose what comes back: how many, when one line of several pieces; otherwise why.
    private mutating func choose(_ chosen: [OrderLine], of order: Order) {
        state.returnLineIDs = chosen.map(\.id)
        state.returnQuantity = nil
        let claimed = claimedQuantities(of: order)
        if chosen.count == 1, let line = chosen.first, line.quantity - claimed[line.id, default: 0] > 1 {
            let most = line.quantity - claimed[line.id, default: 0]
            state.awaiting = .returnQuantity
            return say(language.say(
                "How many of the \(most) \(line.title) from order #\(order.number) would you like to return?",
                "Berapa dari \(most) \(line.title) pesanan #\(order.number) yang ingin diretur?"))
        }
        state.awaiting = .returnReason
        let items = OrderNarration.items(returning(from: order))
        say(language.say(
            "I can open a return for \(items) from order #\(order.number). What's the reason for the return?",
            "Saya bisa membuka retur untuk \(items) dari pesanan #\(order.number). Apa alasan returnya?"))
    }

    /// The chosen lines with the quantities coming back: what is left of each (or the number
    /// the customer gave for a single line).
    private func returning(from order: Order) -> [OrderLine] {
        let claimed = claimedQuantities(of: order)
        return order.lines.filter { state.returnLineIDs.contains($0.id) }.map { line in
            var returned = line
            returned.quantity = state.returnQuantity ?? (line.quantity - claimed[line.id, default: 0])
            return returned
        }
    }

    private mutating func openReturn(_ order: Order, reason: String) {
        let lines = returning(from: order)
        let items = lines.map { ReturnItem(lineID: $0.id, quantity: $0.quantity) }
        turn.actions.append(.openReturn(ReturnInput(orderID: order.id, items: items, reason: String(reason.prefix(2000)))))
        state.tried.append("opened return {{return.id}} for \(OrderNarration.items(lines)) of order #\(order.number)")
        state.finishTask()
        say(language.say(
            "Done: return {{return.id}} is open for \(OrderNarration.items(lines)) from order #\(order.number). ",
            "Sudah: retur {{return.id}} dibuka untuk \(OrderNarration.items(lines)) dari pesanan #\(order.number). ")
            + context.settings.returnInstructions)
    }

    // MARK: Questions, misunderstandings, hand-offs

    private mutating func answerFromHelpCentre() {
        guard let (answer, link) = context.knowledge else {
            return refuse(language.say(
                "I don't know the answer to that one, and I'd rather not guess.", "Saya belum tahu jawabannya, dan saya tidak mau menebak."),
                order: nil, wanted: "an answer to a question")
        }
        quote(answer, link: link)
    }

    private mutating func quote(_ answer: KnowledgeAnswer, link: String) {
        state.tried.append("answered from the help article \"\(answer.title)\"")
        say("\(answer.passage)\n\n" + language.say("More in", "Selengkapnya di") + " \"\(answer.title)\": \(link)")
    }

    private mutating func notUnderstood() {
        if let (answer, link) = context.knowledge {
            state.misunderstood = 0
            return quote(answer, link: link)
        }
        state.misunderstood += 1
        state.tried.append("did not understand \"\(context.text.prefix(80))\"")
        if state.misunderstood >= Self.patience { return handOff(.lowConfidence) }
        say(language.say(
            "Sorry, I didn't get that. I can tell you where your order is, start a return, send a payment link or answer questions about the shop. Or write \"agent\" to talk to a person.",
            "Maaf, saya kurang paham. Saya bisa cek status pesanan, memulai retur, mengirim link pembayaran atau menjawab pertanyaan tentang toko. Atau tulis \"admin\" untuk bicara dengan orang."))
    }

    /// Explains why the bot can't do it and offers a person.
    mutating func refuse(_ explanation: String, order: Order?, wanted: String) {
        state.tried.append("could not \(wanted)" + (order.map { " for order #\($0.number)" } ?? "") + " by itself")
        state.awaiting = .offerHuman
        say(explanation + language.say(" Shall I pass you to a colleague? (yes/no)", " Mau saya sambungkan ke rekan kami? (ya/tidak)"))
    }

    /// Gives the conversation to a person; `detail` is what went wrong, for the note.
    mutating func handOff(_ reason: HandoffReason, because detail: String? = nil) {
        if let detail { state.tried.append("could not finish: \(detail)") }
        turn.handoff = reason
        state.awaiting = nil
        say(language.say(
            "I'm passing you to a colleague now. They'll see our conversation, so you won't need to repeat yourself, and they'll reply here.",
            "Saya sambungkan ke rekan kami sekarang. Mereka bisa melihat percakapan ini, jadi Anda tidak perlu mengulang, dan mereka akan membalas di sini."))
    }

    /// A wholesale or bulk enquiry: a lead for the sales team, who take the conversation over.
    mutating func handOverToSales() {
        state.finishTask()
        turn.actions.append(.openLead(request: String(context.text.trimmed.prefix(LeadOpening.maximumTitleLength))))
        turn.handoff = .sales
        state.awaiting = nil
        say(language.say(
            "Thank you, that's one for our sales team: I've passed your request on, and a colleague will reply here with prices and terms.",
            "Terima kasih, ini untuk tim penjualan kami: permintaan Anda sudah saya teruskan, dan rekan kami akan membalas di sini dengan harga dan ketentuannya."))
    }

    mutating func say(_ text: String) {
        turn.replies.append(text)
    }
}
