import Foundation

/// "How many points do I have?" and "use my points": the bot tells the balance, what is pending,
/// the tier and what expires next, and spends points on a reward of the programme once the
/// customer confirms. It tells the points of the customer the channel proves, or, when the
/// channel proves nobody (or that profile has no points), of the customer whose order the person
/// proved (its e-mail address or postcode, as for orders). It spends only the points of the
/// customer the channel proves: a code shown in the chat is worth money, and an order's postcode
/// is known to more people than its customer.
extension BotDialogue {
    /// The customer the channel proves, if any.
    private var channelCustomer: String? { context.channelVerified ? context.customer?.id : nil }

    /// Whose points the person may hear about: the channel's customer, unless the bot went
    /// looking under another order; else the customer of the order in hand, once proven.
    var pointsOwner: String? {
        if let channelCustomer, !state.pointsElsewhere { return channelCustomer }
        guard let order = currentOrder, isVerified(order) else { return nil }
        return order.customerID
    }

    /// Tells or spends the points of the proven customer; asks for one of their orders first
    /// when nobody is proven yet (to tell, not to spend).
    mutating func withPoints() {
        guard let loyalty = context.loyalty else {
            state.finishTask()
            if let intent = context.prediction.intent, let answer = context.intentAnswers[intent] { return say(answer) }
            return say(language.say(
                "This shop has no loyalty points programme, so there are no points to look up. Anything else I can do?",
                "Toko ini belum punya program poin, jadi tidak ada poin yang bisa dicek. Ada lagi yang bisa saya bantu?"))
        }
        if state.task == .redeemPoints {
            guard let owner = channelCustomer else {
                return refuse(language.say(
                    "I can only spend points in a chat that shows it's you: please write to us from the phone number, e-mail address or account on your profile.",
                    "Saya hanya bisa menukar poin dalam percakapan yang memastikan ini Anda: silakan hubungi kami dari nomor telepon, e-mail atau akun di profil Anda."),
                    order: nil, wanted: "spend points")
            }
            guard let account = loyalty.accounts[owner] else { return pointsNotFound() }
            state.awaiting = nil
            return offerRewards(account, of: loyalty.program)
        }
        // An order named now (where the channel proves nobody, or the bot looks under another
        // order) is the one to prove, not one proven earlier.
        let namesOrder = !context.orderNumbers.isEmpty && (channelCustomer == nil || state.pointsElsewhere)
        guard let owner = pointsOwner, !namesOrder || currentOrder.map({ order in context.orderNumbers.contains { BotContext.order(order, isNumbered: $0) } }) == true
        else { return withOrder() }
        guard let account = loyalty.accounts[owner] else { return pointsNotFound() }
        state.awaiting = nil
        if owner == channelCustomer && !state.pointsElsewhere && account.entries.items.isEmpty && account.balance == LoyaltyBalance(customerID: owner)
            && account.tier == nil
        {
            // A profile the shop has never given points (nor a tier, which spend may give without
            // points): perhaps the customer ordered under another number.
            state.awaiting = .orderNumber
            state.pointsElsewhere = true
            state.tried.append("found no points on the profile of this conversation")
            return say(language.say(
                "I see no points on this profile yet. If you ordered with another phone number or e-mail address, send me the number of one of those orders and I'll look there.",
                "Belum ada poin di profil ini. Jika Anda memesan dengan nomor telepon atau e-mail lain, kirimkan nomor salah satu pesanan itu dan saya cek di sana."))
        }
        state.finishTask()
        state.tried.append("told the points balance (\(account.balance.balance) usable)" + (owner == channelCustomer ? "" : " of the customer of a proven order"))
        say(balanceText(account, of: loyalty.program, spendable: owner == channelCustomer))
    }

    private mutating func pointsNotFound() {
        refuse(language.say("I can't find your points right now.", "Saya belum bisa menemukan poin Anda."), order: nil, wanted: "look up the points")
    }

    /// The balance in words: usable, pending, tier, what expires next and how to spend
    /// (`spendable`: the chat proves the points' customer, who may spend them here).
    private func balanceText(_ account: LoyaltyAccount, of program: LoyaltyProgram, spendable: Bool) -> String {
        let balance = account.balance
        guard balance.balance >= 0 else {
            return language.say(
                "Your points balance is \(balance.balance): points of a returned order were taken back after they had been spent. New orders earn them back.",
                "Saldo poin Anda \(balance.balance): poin dari pesanan yang diretur ditarik kembali setelah terpakai. Pesanan baru akan menggantinya.")
        }
        var english = ["You have \(balance.balance) points to use."]
        var indonesian = ["Anda punya \(balance.balance) poin yang bisa dipakai."]
        if balance.pending > 0 {
            english.append("\(balance.pending) more become usable once your orders are delivered and past the returns window.")
            indonesian.append("\(balance.pending) poin lagi bisa dipakai setelah pesanan Anda diterima dan melewati masa retur.")
        }
        if let tier = account.tier {
            english.append("Your tier: \(tier.name).")
            indonesian.append("Level Anda: \(tier.name).")
        }
        if let next = account.nextTier, let missing = account.toNextTier {
            if account.tierMeasure == .spend, let currency = account.tierCurrency {
                english.append("\(MoneyText.format(missing, currency)) more in orders reach \(next.name).")
                indonesian.append("Belanja \(MoneyText.format(missing, currency)) lagi untuk mencapai \(next.name).")
            } else {
                english.append("\(missing) more points from orders reach \(next.name).")
                indonesian.append("\(missing) poin lagi dari pesanan untuk mencapai \(next.name).")
            }
        }
        if let expiring = account.expiring {
            if let days = expiring.withinDays {
                english.append("\(expiring.points) of them expire within the next \(days) days unless you use them.")
                indonesian.append("\(expiring.points) poin akan hangus dalam \(days) hari ke depan jika tidak dipakai.")
            } else {
                let lastDay = expiring.lastMoment
                english.append("\(expiring.points) of them expire after \(OrderNarration.day(lastDay, in: .english)) unless you use them.")
                indonesian.append("\(expiring.points) poin hangus setelah \(OrderNarration.day(lastDay, in: .indonesian)) jika tidak dipakai.")
            }
        }
        if program.rewards.contains(where: { $0.points <= balance.balance }) {
            if spendable {
                english.append("Say \"use my points\" to turn them into a discount code.")
                indonesian.append("Tulis \"pakai poin saya\" untuk menukarnya dengan kode diskon.")
            } else {
                english.append("To spend them, write to us from the phone number, e-mail address or account of that order's profile.")
                indonesian.append("Untuk menukarnya, hubungi kami dari nomor telepon, e-mail atau akun profil pesanan itu.")
            }
        }
        return language.say(english.joined(separator: " "), indonesian.joined(separator: " "))
    }

    /// The rewards the balance reaches: the one the request named (by name; an unreachable one
    /// is said), or a single reachable one, is offered for confirmation; several are listed.
    private mutating func offerRewards(_ account: LoyaltyAccount, of program: LoyaltyProgram) {
        let balance = account.balance.balance
        guard let cheapest = program.rewards.first else {
            state.finishTask()
            return say(language.say(
                "You have \(balance) points, but the shop has no rewards to spend them on yet.",
                "Anda punya \(balance) poin, tetapi toko belum punya hadiah untuk penukarannya."))
        }
        let affordable = program.rewards.filter { $0.points <= balance }
        guard !affordable.isEmpty else {
            state.finishTask()
            state.tried.append("told the points are not enough for a reward (\(balance) usable)")
            return say(language.say(
                "You have \(balance) points to use; the smallest reward, \(cheapest.name), takes \(cheapest.points).",
                "Anda punya \(balance) poin; hadiah terkecil, \(cheapest.name), butuh \(cheapest.points) poin."))
        }
        // A reward named in the request, by its words only: no list was shown, so "5" is no position.
        let named = BotAnswerReading.choices(in: state.request ?? context.text, titles: program.rewards.map(\.name), byNumber: false)
        var preface = ""
        if named.count == 1 {
            let wanted = program.rewards[named[0]]
            if wanted.points <= balance { return confirm(wanted, of: account) }
            preface = language.say(
                "\(wanted.name) takes \(wanted.points) points and you have \(balance). ",
                "\(wanted.name) butuh \(wanted.points) poin dan Anda punya \(balance). ")
        }
        if affordable.count == 1 { return confirm(affordable[0], of: account, preface: preface) }
        state.awaiting = .rewardChoice
        state.rewardCustomerID = account.customerID
        let list = affordable.enumerated().map { "\($0.offset + 1). \($0.element.name) — \($0.element.points)" }.joined(separator: "\n")
        say(preface + language.say(
            "You have \(balance) points. Which reward would you like (points it takes)?\n\(list)\nReply with the number or the name.",
            "Anda punya \(balance) poin. Hadiah mana yang Anda mau (poin yang dibutuhkan)?\n\(list)\nBalas dengan nomor atau namanya."))
    }

    private mutating func confirm(_ reward: LoyaltyReward, of account: LoyaltyAccount, preface: String = "") {
        state.rewardKey = reward.key
        state.rewardPoints = reward.points
        state.rewardCustomerID = account.customerID
        state.awaiting = .confirmReward
        say(preface + language.say(
            "Shall I spend \(reward.points) of your \(account.balance.balance) points on \(reward.name)? You'll get a discount code to use at checkout. Reply yes or no.",
            "Tukar \(reward.points) dari \(account.balance.balance) poin Anda dengan \(reward.name)? Anda akan mendapat kode diskon untuk dipakai saat checkout. Balas ya atau tidak."))
    }

    /// The points the bot offered to spend, while the chat still proves their customer.
    private var offeredAccount: LoyaltyAccount? {
        guard let owner = state.rewardCustomerID, owner == channelCustomer else { return nil }
        return context.loyalty?.accounts[owner]
    }

    /// The answer to the list of rewards; false when the message is not one.
    mutating func answerRewardChoice() -> Bool {
        guard let loyalty = context.loyalty, let account = offeredAccount else { return false }
        let affordable = loyalty.program.rewards.filter { $0.points <= account.balance.balance }
        let chosen = BotAnswerReading.choices(in: context.text, titles: affordable.map(\.name))
        if chosen.isEmpty && BotAnswerReading.isNo(context.text) {
            state.finishTask()
            say(language.say("Okay, your points stay as they are. Anything else I can do?", "Baik, poin Anda tetap utuh. Ada lagi yang bisa saya bantu?"))
            return true
        }
        guard chosen.count == 1 else {
            if context.prediction.intent != nil && context.prediction.intent != BuiltInIntent.redeemPoints.rawValue { return false }
            guard !affordable.isEmpty else { return false }
            say(language.say(
                "Sorry, which reward? Reply with its number from 1 to \(affordable.count).",
                "Maaf, hadiah yang mana? Balas dengan nomornya dari 1 sampai \(affordable.count)."))
            return true
        }
        confirm(affordable[chosen[0]], of: account)
        return true
    }

    /// Yes spends the points and issues the code (in the turn's transaction, which refuses
    /// it if the points are gone meanwhile); no leaves them. False when the message is neither.
    mutating func answerRewardConfirmation() -> Bool {
        guard let loyalty = context.loyalty, let account = offeredAccount,
            let reward = state.rewardKey.flatMap({ key in loyalty.program.rewards.first { $0.key == key } })
        else { return false }
        if BotAnswerReading.isYes(context.text) {
            // The programme changed the reward's price since it was offered: offer it again.
            if reward.points != state.rewardPoints {
                confirm(reward, of: account, preface: language.say(
                    "\(reward.name) now takes \(reward.points) points. ", "\(reward.name) sekarang butuh \(reward.points) poin. "))
                return true
            }
            turn.actions.append(.issueReward(customerID: account.customerID, rewardKey: reward.key))
            state.tried.append("spent \(reward.points) points on \(reward.name) (code {{reward.code}})")
            state.finishTask()
            // The code first: a channel that cuts the reply keeps its start.
            say(language.say(
                "Your code: {{reward.code}}, valid until {{reward.expires}}, for \(reward.name). Enter it at checkout. Anything else I can do?",
                "Kode Anda: {{reward.code}}, berlaku sampai {{reward.expires}}, untuk \(reward.name). Masukkan saat checkout. Ada lagi yang bisa saya bantu?"))
        } else if BotAnswerReading.isNo(context.text) {
            state.finishTask()
            say(language.say("Okay, your points stay as they are. Anything else I can do?", "Baik, poin Anda tetap utuh. Ada lagi yang bisa saya bantu?"))
        } else {
            return false
        }
        return true
    }
}
