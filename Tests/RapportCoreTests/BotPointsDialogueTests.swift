import Foundation
@testable import RapportCore
@testable import RapportLearning
import Testing

/// "How many points do I have?" and "use my points", without a database: whose points the bot
/// speaks of, what it says, and the reward it spends them on only after a yes.
@Suite("The bot's points dialogue, without a database")
struct BotPointsDialogueTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)  // 20 September 2026
    static let ada = Customer(
        id: "cus_ada", workspaceID: "wsp_1", profile: CustomerProfile(firstName: "Ada"), identities: [], createdAt: now, updatedAt: now)

    static func program(rewards: [LoyaltyReward] = rewards, expiry: LoyaltyExpiryRule = .never) -> LoyaltyProgram {
        LoyaltyProgram(
            workspaceID: "wsp_1", tiers: [LoyaltyTier(name: "Silver", minimum: 500), LoyaltyTier(name: "Gold", minimum: 2000)],
            rewards: rewards, expiryRule: expiry, startedAt: now, updatedAt: now)
    }

    static let rewards = [
        LoyaltyReward(key: "ship", name: "Free shipping", points: 300, kind: .freeShipping),
        LoyaltyReward(key: "five-off", name: "5 EUR off", points: 500, kind: .amountOff, amount: 500, currency: "EUR"),
        LoyaltyReward(key: "mug", name: "A mug on us", points: 900, kind: .product, sku: "MUG-1"),
    ]

    static func account(_ customerID: String, balance: Int64, pending: Int64 = 0, qualifying: Int64? = nil, expiring: LoyaltyExpiryForecast? = nil)
        -> LoyaltyAccount
    {
        let qualifying = qualifying ?? balance
        let program = program()
        return LoyaltyAccount(
            customerID: customerID, balance: LoyaltyBalance(customerID: customerID, balance: balance, pending: pending, qualifying: qualifying),
            tier: program.tier(for: qualifying), nextTier: program.tiers.first { $0.minimum > qualifying },
            entries: Page(items: [], hasMore: false), expiring: expiring)
    }

    static func order(customerID: String, number: String = "1001") -> Order {
        Order(
            id: "ord_\(number)", workspaceID: "wsp_1", customerID: customerID, number: number, source: "api", externalID: number,
            status: .delivered, channel: .web, currency: "EUR", lines: [],
            totals: OrderTotals(subtotal: 1000, discount: 0, tax: 0, shipping: 0, total: 1000), discountCodes: [],
            shippingAddress: Address(line1: "Hauptstr. 1", city: "Berlin", postalCode: "10115", country: "DE"), email: "ada@example.com",
            fulfillments: [], placedAt: now, createdAt: now, updatedAt: now)
    }

    static func turn(
        _ text: String, intent: String?, state: BotState = BotState(), verified: Bool = true, customer: Customer? = ada,
        orders: [Order] = [], named: [Order] = [], loyalty: BotLoyalty?, entities: [Entity] = []
    ) -> BotDialogue {
        let context = BotContext(
            text: text, prediction: IntentPrediction(intent: intent, nearest: intent ?? "greeting", margin: 1, confidence: intent == nil ? 0 : 0.9),
            entities: entities, sentiment: Sentiment(score: 0), settings: BotSettings(), channel: .whatsapp, customer: customer,
            channelVerified: verified, customerOrders: orders, namedOrders: named, returnsByOrder: [:], knowledge: nil, intentAnswers: [:],
            loyalty: loyalty, now: now)
        var dialogue = BotDialogue(state: state, context: context)
        dialogue.respond()
        return dialogue
    }

    @Test("with tiers by spend, the next tier is told as an amount, and a tier reached without points is told, not taken for an empty profile")
    func spendTier() throws {
        let program = LoyaltyProgram(
            workspaceID: "wsp_1", tiers: [LoyaltyTier(name: "Silver", minimum: 20_000), LoyaltyTier(name: "Gold", minimum: 50_000)],
            tierMeasure: .spend, tierCurrency: "EUR", startedAt: Self.now, updatedAt: Self.now)
        let account = LoyaltyAccount(
            customerID: "cus_ada", balance: LoyaltyBalance(customerID: "cus_ada"), tier: program.tiers[0], nextTier: program.tiers[1],
            entries: Page(items: [], hasMore: false), tierPoints: LoyaltyTierPoints(current: 46_000, held: 46_000), tierMeasure: .spend,
            tierCurrency: "EUR")
        let loyalty = BotLoyalty(program: program, accounts: ["cus_ada": account])
        let reply = try #require(Self.turn("how many points do I have?", intent: "loyalty_balance", loyalty: loyalty).turn.replies.first)
        #expect(reply.contains("Your tier: Silver") && reply.contains("40.00 EUR more in orders reach Gold"), "\(reply)")
        #expect(!reply.contains("no points on this profile"), "\(reply)")
    }

    @Test("a customer the channel proves hears the usable and pending points, the tier, the next tier and what expires next")
    func balance() throws {
        let expiring = LoyaltyExpiryForecast(points: 120, by: Date(timeIntervalSince1970: 1_798_761_600))  // 1 January 2027
        let loyalty = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 620, pending: 80, expiring: expiring)])
        let dialogue = Self.turn("how many points do I have?", intent: "loyalty_balance", loyalty: loyalty)
        let reply = try #require(dialogue.turn.replies.first)
        #expect(reply.contains("You have 620 points to use"), "\(reply)")
        #expect(reply.contains("80 more become usable"), "\(reply)")
        #expect(reply.contains("Your tier: Silver") && reply.contains("1380 more points from orders reach Gold"), "\(reply)")
        #expect(reply.contains("120 of them expire after 31 December 2026"), "\(reply)")
        #expect(reply.contains("use my points"), "a reward is within reach: \(reply)")
        #expect(dialogue.state.task == nil && dialogue.state.awaiting == nil)
        #expect(dialogue.turn.actions.isEmpty && dialogue.turn.handoff == nil)
        let soon = LoyaltyExpiryForecast(points: 70, by: Self.now.addingTimeInterval(30 * 86_400), withinDays: 30)
        let afterDays = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 620, expiring: soon)])
        let told = try #require(Self.turn("when do my points expire", intent: "loyalty_balance", loyalty: afterDays).turn.replies.first)
        #expect(told.contains("70 of them expire within the next 30 days"), "points that expire after a number of days may go any day: \(told)")
    }

    @Test("in Indonesian the balance is told in Indonesian")
    func indonesian() throws {
        let loyalty = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 40)])
        var state = BotState()
        state.language = .indonesian
        let reply = try #require(Self.turn("poin saya berapa", intent: "loyalty_balance", state: state, loyalty: loyalty).turn.replies.first)
        #expect(reply.contains("Anda punya 40 poin"), "\(reply)")
        #expect(!reply.contains("pakai poin saya"), "no reward is within reach of 40: \(reply)")
    }

    @Test("a balance below zero is explained, not offered for spending")
    func belowZero() throws {
        let loyalty = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: -40, qualifying: 0)])
        let reply = try #require(Self.turn("my points balance please", intent: "loyalty_balance", loyalty: loyalty).turn.replies.first)
        #expect(reply.contains("-40") && reply.contains("taken back"), "\(reply)")
    }

    @Test("someone the channel does not prove is asked for one of their orders, and hears nothing of the points until the order's postcode")
    func unprovenAsksForOrder() throws {
        let loyalty = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 620)])
        let asked = Self.turn("how many points do I have", intent: "loyalty_balance", verified: false, loyalty: loyalty)
        let question = try #require(asked.turn.replies.first)
        #expect(question.contains("number of one of your orders") && !question.contains("620"), "\(question)")
        #expect(asked.state.awaiting == .orderNumber && asked.state.task == .loyaltyBalance)

        let order = Self.order(customerID: "cus_ada")
        let named = Self.turn(
            "it's 1001", intent: nil, state: asked.state, verified: false, named: [order], loyalty: loyalty,
            entities: [Entity(kind: .orderNumber, text: "1001", value: "1001")])
        let proof = try #require(named.turn.replies.first)
        #expect(proof.contains("postcode") && !proof.contains("620"), "\(proof)")
        #expect(named.state.awaiting == .verification)

        let wrong = Self.turn("99999", intent: nil, state: named.state, verified: false, named: [order], loyalty: loyalty)
        #expect(wrong.turn.replies.allSatisfy { !$0.contains("620") })
        let proven = Self.turn("10115", intent: nil, state: wrong.state, verified: false, named: [order], loyalty: loyalty)
        #expect(proven.turn.replies.first?.contains("You have 620 points") == true, "\(proven.turn.replies)")
    }

    @Test("where the channel proves nobody, an order proven in the conversation names whose points are told; where it proves someone, theirs are")
    func provenOrderNamesTheOwner() throws {
        let loyalty = BotLoyalty(program: Self.program(), accounts: [
            "cus_visitor": Self.account("cus_visitor", balance: 0), "cus_ada": Self.account("cus_ada", balance: 900),
        ])
        let visitor = Customer(id: "cus_visitor", workspaceID: "wsp_1", profile: CustomerProfile(), identities: [], createdAt: Self.now, updatedAt: Self.now)
        var state = BotState()
        let order = Self.order(customerID: "cus_ada")
        state.orderID = order.id
        state.verifiedOrderIDs = [order.id]
        let reply = try #require(Self.turn(
            "how many points do I have", intent: "loyalty_balance", state: state, verified: false, customer: visitor, named: [order],
            loyalty: loyalty).turn.replies.first)
        #expect(reply.contains("You have 900 points") && reply.contains("write to us from the phone number") && !reply.contains("use my points"),
                "told, but not offered to spend here: \(reply)")
        let ownProfile = BotLoyalty(program: Self.program(), accounts: [
            "cus_visitor": Self.account("cus_visitor", balance: 40), "cus_ada": Self.account("cus_ada", balance: 900),
        ])
        let proven = try #require(Self.turn(
            "how many points do I have", intent: "loyalty_balance", state: state, verified: true, customer: visitor, named: [order],
            loyalty: ownProfile).turn.replies.first)
        #expect(proven.contains("You have 40 points"), "a relative's order checked earlier does not make their points this chat's: \(proven)")
    }

    @Test("points are spent only for the customer the channel proves: an unproven chat is refused and offered a person")
    func redeemNeedsTheChannel() throws {
        let loyalty = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 900)])
        var state = BotState()
        let order = Self.order(customerID: "cus_ada")
        state.orderID = order.id
        state.verifiedOrderIDs = [order.id]
        let dialogue = Self.turn("use my points", intent: "redeem_points", state: state, verified: false, named: [order], loyalty: loyalty)
        #expect(dialogue.turn.replies.first?.contains("only spend points in a chat that shows it's you") == true, "\(dialogue.turn.replies)")
        #expect(dialogue.state.awaiting == .offerHuman && dialogue.turn.actions.isEmpty)
        #expect(dialogue.turn.replies.allSatisfy { !$0.contains("900") })
    }

    @Test("a proven profile without any points is asked for an order placed under another number, and nothing is told yet")
    func emptyProfileAsksForAnotherOrder() throws {
        let loyalty = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 0, qualifying: 0)])
        let dialogue = Self.turn("how many points do I have", intent: "loyalty_balance", loyalty: loyalty)
        #expect(dialogue.turn.replies.first?.contains("no points on this profile") == true, "\(dialogue.turn.replies)")
        #expect(dialogue.state.awaiting == .orderNumber && dialogue.state.task == .loyaltyBalance && dialogue.state.pointsElsewhere)
        // Their own order, which the channel already proves: the same empty profile, told once, no asking again.
        let own = Self.order(customerID: "cus_ada")
        let told = Self.turn(
            "1001", intent: nil, state: dialogue.state, named: [own], loyalty: loyalty, entities: [Entity(kind: .orderNumber, text: "1001", value: "1001")])
        #expect(told.turn.replies == [told.turn.replies[0]] && told.turn.replies[0].contains("You have 0 points"), "\(told.turn.replies)")
        #expect(told.state.awaiting == nil && told.state.task == nil)
    }

    @Test("use my points lists the rewards the balance reaches; a number, then yes, spends them — nothing before the yes")
    func redeem() throws {
        let loyalty = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 620)])
        let listed = Self.turn("use my points", intent: "redeem_points", loyalty: loyalty)
        let list = try #require(listed.turn.replies.first)
        #expect(list.contains("1. Free shipping — 300") && list.contains("2. 5 EUR off — 500") && !list.contains("mug"), "\(list)")
        #expect(listed.state.awaiting == .rewardChoice && listed.turn.actions.isEmpty)

        let chosen = Self.turn("2", intent: nil, state: listed.state, loyalty: loyalty)
        #expect(chosen.turn.replies.first?.contains("spend 500 of your 620 points on 5 EUR off") == true, "\(chosen.turn.replies)")
        #expect(chosen.state.awaiting == .confirmReward && chosen.state.rewardKey == "five-off" && chosen.turn.actions.isEmpty)

        let confirmed = Self.turn("yes please", intent: nil, state: chosen.state, loyalty: loyalty)
        #expect(confirmed.turn.actions == [.issueReward(customerID: "cus_ada", rewardKey: "five-off")])
        #expect(confirmed.turn.replies.first?.contains("{{reward.code}}") == true, "the code is filled in once issued")
        #expect(confirmed.state.awaiting == nil && confirmed.state.rewardKey == nil)

        let declined = Self.turn("no", intent: nil, state: chosen.state, loyalty: loyalty)
        #expect(declined.turn.actions.isEmpty && declined.turn.replies.first?.contains("stay as they are") == true)
        let listDeclined = Self.turn("no thanks", intent: nil, state: listed.state, loyalty: loyalty)
        #expect(listDeclined.turn.replies.first?.contains("stay as they are") == true && listDeclined.state.awaiting == nil, "no to the list ends it")
    }

    @Test("the yes spends only what was offered: another customer's offer, or a price changed since, spends nothing")
    func confirmationChecks() throws {
        let loyalty = BotLoyalty(program: Self.program(), accounts: [
            "cus_ada": Self.account("cus_ada", balance: 620), "cus_bob": Self.account("cus_bob", balance: 5_000),
        ])
        var state = BotState()
        state.task = .redeemPoints
        state.awaiting = .confirmReward
        state.rewardKey = "five-off"
        state.rewardPoints = 500
        state.rewardCustomerID = "cus_bob"
        let foreign = Self.turn("yes", intent: nil, state: state, loyalty: loyalty)
        #expect(foreign.turn.actions.isEmpty, "the chat proves Ada, not Bob: \(foreign.turn.replies)")
        state.rewardCustomerID = "cus_ada"
        state.rewardPoints = 400
        let repriced = Self.turn("yes", intent: nil, state: state, loyalty: loyalty)
        #expect(repriced.turn.actions.isEmpty && repriced.state.awaiting == .confirmReward && repriced.state.rewardPoints == 500)
        #expect(repriced.turn.replies.first?.hasPrefix("5 EUR off now takes 500 points.") == true, "\(repriced.turn.replies)")
        let agreed = Self.turn("yes", intent: nil, state: repriced.state, loyalty: loyalty)
        #expect(agreed.turn.actions == [.issueReward(customerID: "cus_ada", rewardKey: "five-off")])
    }

    @Test("where the channel proves nobody, an order named with the question is the one proven, not one proven earlier")
    func namedOrderIsProven() throws {
        let loyalty = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 900), "cus_bob": Self.account("cus_bob", balance: 20)])
        let earlier = Self.order(customerID: "cus_bob", number: "1001")
        let named = Self.order(customerID: "cus_ada", number: "1002")
        var state = BotState()
        state.orderID = earlier.id
        state.verifiedOrderIDs = [earlier.id]
        let dialogue = Self.turn(
            "my points, order 1002", intent: "loyalty_balance", state: state, verified: false, named: [earlier, named], loyalty: loyalty,
            entities: [Entity(kind: .orderNumber, text: "1002", value: "1002")])
        let reply = try #require(dialogue.turn.replies.first)
        #expect(reply.contains("postcode") && reply.contains("#1002") && !reply.contains("20 points"), "\(reply)")
        #expect(dialogue.state.orderID == named.id && dialogue.state.awaiting == .verification)
    }

    @Test("a reward named in the request goes straight to the question; a single reachable reward too")
    func namedReward() throws {
        let loyalty = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 620)])
        let named = Self.turn("exchange my points for free shipping", intent: "redeem_points", loyalty: loyalty)
        #expect(named.state.rewardKey == "ship" && named.state.awaiting == .confirmReward, "\(named.turn.replies)")
        let byWords = Self.turn("use my points for the 5 EUR off", intent: "redeem_points", loyalty: loyalty)
        #expect(byWords.state.rewardKey == "five-off", "a number in the request is a word of the name, not a place in a list: \(byWords.turn.replies)")
        let poorer = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 350)])
        let single = Self.turn("use my points", intent: "redeem_points", loyalty: poorer)
        #expect(single.state.rewardKey == "ship" && single.state.awaiting == .confirmReward, "\(single.turn.replies)")
        let beyond = Self.turn("use my points for the mug", intent: "redeem_points", loyalty: poorer)
        let reply = try #require(beyond.turn.replies.first)
        #expect(reply.hasPrefix("A mug on us takes 900 points and you have 350.") && reply.contains("on Free shipping?"), "\(reply)")
        #expect(beyond.state.rewardKey == "ship")
    }

    @Test("too few points, no rewards, no programme: each is said and nothing is spent")
    func nothingToSpend() throws {
        let few = BotLoyalty(program: Self.program(), accounts: ["cus_ada": Self.account("cus_ada", balance: 120)])
        let short = Self.turn("use my points", intent: "redeem_points", loyalty: few)
        #expect(short.turn.replies.first?.contains("smallest reward, Free shipping, takes 300") == true, "\(short.turn.replies)")
        let bare = BotLoyalty(program: Self.program(rewards: []), accounts: ["cus_ada": Self.account("cus_ada", balance: 120)])
        #expect(Self.turn("use my points", intent: "redeem_points", loyalty: bare).turn.replies.first?.contains("no rewards") == true)
        let none = Self.turn("how many points do I have", intent: "loyalty_balance", loyalty: nil)
        #expect(none.turn.replies.first?.contains("no loyalty points programme") == true)
        for dialogue in [short, none] { #expect(dialogue.turn.actions.isEmpty && dialogue.state.task == nil) }
    }

    @Test("a reward is read from its number or its name; a number beyond the list names none")
    func rewardChoices() {
        let titles = ["Free shipping", "5 EUR off", "A mug on us"]
        #expect(BotAnswerReading.choices(in: "the 2nd one, number 2", titles: titles) == [1])
        #expect(BotAnswerReading.choices(in: "the mug please", titles: titles) == [2])
        #expect(BotAnswerReading.choices(in: "7", titles: titles).isEmpty)
        #expect(BotAnswerReading.choices(in: "1", titles: []).isEmpty)
    }
}

@Suite("The bot's replies cut to a channel")
struct BotChannelFitTests {
    @Test("an SMS cut keeps the sentence with the reward's code, as it keeps links")
    func keepsTheCode() {
        let reply = "Your code: RWABCDEFGHJK (A very long reward name with “quotes” and ✓ marks that runs on and on for its full eighty), valid until 4 January 2027. "
            + "Enter it at checkout. Anything else I can do?"
        let fitted = BotChannelRules.fit(reply, to: .sms, keeping: ["RWABCDEFGHJK"])
        #expect(fitted.count <= 134 && fitted.contains("RWABCDEFGHJK"), "\(fitted)")
        let cut = BotChannelRules.fit("Something first that is long. " + String(repeating: "Filler words here. ", count: 20) + "Code RWXYZ here.", to: .sms, keeping: ["RWXYZ"])
        #expect(cut.contains("RWXYZ") && cut.count <= 306, "\(cut)")
        let unkept = BotChannelRules.fit("Something first that is long. " + String(repeating: "Filler words here. ", count: 20) + "Code RWXYZ here.", to: .sms)
        #expect(!unkept.contains("RWXYZ"), "without it the sentence is cut like any other")
    }
}
