import Foundation
import RapportInsights

/// The bot's rules: given what it remembers of the conversation and what it knows now,
/// what it answers, what it changes and when a person takes over. Pure: it reads the
/// context and returns the turn; `BotService` loads the context and applies the turn.
struct BotDialogue {
    var state: BotState
    let context: BotContext
    private(set) var turn = BotTurn()

    /// Sentiment at or below this hands the conversation to a person.
    static let upsetScore = -0.5
    /// Misunderstood messages in a row before a person takes over.
    static let patience = 2
    static let verificationAttempts = 3

    init(state: BotState, context: BotContext) {
        self.state = state
        self.context = context
    }

    mutating func respond() {
        let intent = context.prediction.intent
        if let intent { state.lastIntent = intent }
        if context.isVIP { return handOff(.vip) }
        // "yes please" to the bot's question is an answer, however much it sounds like "agent please".
        let answersYesOrNo = state.awaiting != nil && (BotAnswerReading.isYes(context.text) || BotAnswerReading.isNo(context.text))
        if intent == "talk_to_human" && !answersYesOrNo { return handOff(.asked) }
        if intent == "complaint" { return handOff(.complaint) }
        if context.sentiment.score <= Self.upsetScore { return handOff(.negativeSentiment) }
        if let question = state.awaiting, answer(question) { return }
        guard let intent else { return notUnderstood() }
        state.misunderstood = 0
        switch intent {
        case "greeting":
            let name = context.customer?.profile.firstName.map { " \($0)" } ?? ""
            say("Hi\(name)! I can tell you where your order is, start a return, send a payment link, change an address or cancel an order before it ships, and answer questions about the shop. What can I do for you?")
        case "thanks":
            state.finishTask()
            say("You're welcome! I'll close this chat now; write again any time.")
            turn.resolves = true
        case "order_status", "track_shipment", "start_return", "return_status", "cancel_order", "change_address",
            "payment_link", "payment_problem":
            state.finishTask()
            state.task = intent
            state.request = context.text
            withOrder()
        case "product_question", "shipping_policy", "store_hours":
            answerFromHelpCentre(intent: intent)
        default:
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
                if context.prediction.intent != nil && context.prediction.intent != "start_return" { return false }
                say("Sorry, which item? Reply with its number from the list.")
                return true
            }
            state.returnLineIDs = chosen.map(\.id)
            state.awaiting = .returnReason
            say("Got it: \(OrderNarration.items(chosen)). What's the reason for the return?")
        case .returnReason:
            guard let order = currentOrder else { return false }
            openReturn(order, reason: context.text)
        case .confirmCancel:
            guard let order = currentOrder else { return false }
            if BotAnswerReading.isYes(context.text) {
                turn.actions.append(.cancelOrder(orderID: order.id))
                state.tried.append("cancelled order #\(order.number)")
                state.finishTask()
                say("Order #\(order.number) is cancelled."
                    + (order.status == .paid ? " Your payment goes back to the way you paid within a few working days." : "")
                    + " Anything else I can do?")
            } else if BotAnswerReading.isNo(context.text) {
                state.finishTask()
                say("Okay, order #\(order.number) stays as it is. Anything else I can do?")
            } else {
                return false
            }
        case .newAddress:
            guard let order = currentOrder else { return false }
            guard let address = BotAnswerReading.address(in: context.text, country: order.shippingAddress?.country) else {
                if context.prediction.intent != nil && context.prediction.intent != "change_address" { return false }
                say("I couldn't read that as an address. Please write the street, then the postcode and city, separated by commas.")
                return true
            }
            turn.actions.append(.changeAddress(orderID: order.id, address))
            state.tried.append("changed the address of order #\(order.number)")
            state.finishTask()
            say("Done: order #\(order.number) will go to \(address.oneLine). Anything else I can do?")
        case .offerHuman:
            if BotAnswerReading.isYes(context.text) {
                handOff(.notAllowed)
            } else if BotAnswerReading.isNo(context.text) {
                state.finishTask()
                say("Okay. Anything else I can do for you?")
            } else {
                return false
            }
        }
        return true
    }

    // MARK: Orders

    private var currentOrder: Order? { state.orderID.flatMap(context.order(id:)) }

    /// Finds the order the task is about (named in the message, already in hand, or the
    /// customer's latest), checks who is asking, then does the task.
    private mutating func withOrder() {
        let order: Order
        if let number = context.orderNumbers.first {
            guard let named = context.namedOrders.first(where: { $0.number == number || $0.number == "#\(number)" }) else {
                state.awaiting = .orderNumber
                return say("I can't find an order #\(number). Could you check the number on your confirmation e-mail?")
            }
            order = named
        } else if let inHand = currentOrder {
            order = inHand
        } else if let latest = context.customerOrders.first {
            order = latest
        } else {
            state.awaiting = .orderNumber
            return say("Which order is it about? Please send me the order number (for example #1001).")
        }
        state.orderID = order.id
        guard isVerified(order) else {
            state.awaiting = .verification
            return say("To keep your order private: what is the e-mail address or postcode order #\(order.number) was placed with?")
        }
        perform(on: order)
    }

    private func isVerified(_ order: Order) -> Bool {
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
            return say("That doesn't match order #\(order.number). Please send the e-mail address or postcode the order was placed with.")
        }
        state.verifiedOrderIDs.append(order.id)
        state.verificationFailures = 0
        state.tried.append("confirmed the customer for order #\(order.number)")
        perform(on: order)
    }

    private mutating func perform(on order: Order) {
        state.awaiting = nil
        switch state.task {
        case "order_status", "track_shipment":
            say(OrderNarration.status(of: order, paymentLink: paymentLink(for: order)))
            state.tried.append("told the status of order #\(order.number)")
            state.finishTask()
        case "start_return":
            startReturn(order)
        case "return_status":
            state.finishTask()
            if let latest = context.returnsByOrder[order.id]?.max(by: { $0.createdAt < $1.createdAt }) {
                say(OrderNarration.returnStatus(latest, order: order))
                state.tried.append("told the status of return \(latest.id)")
            } else {
                say("I see no return for order #\(order.number) yet. Would you like to start one? Just say \"return\".")
            }
        case "cancel_order":
            guard [.pending, .paid].contains(order.status) else {
                return refuse("Order #\(order.number) has already \(order.status == .cancelled ? "been cancelled" : "shipped"), so I can't cancel it."
                    + (order.status.isFulfilled ? " You can return it once it arrives." : ""), order: order, wanted: "cancel")
            }
            state.awaiting = .confirmCancel
            say("Shall I cancel order #\(order.number) (\(OrderNarration.items(order.lines)), \(OrderNarration.total(order)))? Reply yes or no.")
        case "change_address":
            guard [.pending, .paid].contains(order.status) else {
                return refuse("Order #\(order.number) has already \(order.status == .cancelled ? "been cancelled" : "left our warehouse"), so its address can't change any more.", order: order, wanted: "change the address")
            }
            state.awaiting = .newAddress
            let current = order.shippingAddress.map { " It now goes to \($0.oneLine)." } ?? ""
            say("Sure.\(current) What's the new address? Please write the street, then the postcode and city, separated by commas.")
        case "payment_link", "payment_problem":
            payment(order)
        default:
            state.finishTask()
        }
    }

    private mutating func payment(_ order: Order) {
        let problem = state.task == "payment_problem"
        switch order.status {
        case .pending:
            guard let link = paymentLink(for: order) else {
                return refuse("Order #\(order.number) is waiting for payment of \(OrderNarration.total(order)), but I can't send payment links.", order: order, wanted: "pay")
            }
            state.finishTask()
            state.tried.append("sent the payment link of order #\(order.number)")
            say((problem ? "We haven't received the payment for order #\(order.number) yet, so it didn't go through. " : "")
                + "You can pay \(OrderNarration.total(order)) for order #\(order.number) here: \(link)")
        case .cancelled:
            state.finishTask()
            say("Order #\(order.number) was cancelled, so there is nothing to pay.")
        case .refunded, .partiallyRefunded:
            state.finishTask()
            say("Order #\(order.number) was paid and \(order.status == .refunded ? "refunded in full" : "partly refunded") (\(MoneyText.format(order.totals.refunded, order.currency))).")
        case .paid, .fulfilled, .delivered:
            let paid = order.paidAt.map { " on \(OrderNarration.day($0))" } ?? ""
            if problem {
                refuse("We received your payment of \(OrderNarration.total(order)) for order #\(order.number)\(paid), so the order is paid. If you were charged twice or something else looks wrong, a colleague needs to check it with the payment provider.", order: order, wanted: "sort out a payment")
            } else {
                state.finishTask()
                say("Order #\(order.number) is already paid\(paid). There's nothing more to pay.")
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
                ? "Order #\(order.number) is \(order.status.rawValue), so there is nothing to return."
                : "Order #\(order.number) hasn't shipped yet, so it can't be returned. I can cancel it instead: just say \"cancel\"."
            state.finishTask()
            return say(reason)
        }
        let days = context.settings.returnWindowDays
        if context.now.timeIntervalSince(started) > Double(days) * 86_400 {
            return refuse("Order #\(order.number) arrived on \(OrderNarration.day(started)), more than \(days) days ago, so I can't open a return myself.", order: order, wanted: "return items")
        }
        let lines = returnableLines(of: order)
        guard !lines.isEmpty else {
            return refuse("None of the items of order #\(order.number) can be returned by me (they are final sale or already in a return).", order: order, wanted: "return items")
        }
        let named = BotAnswerReading.lines(in: context.text, from: lines)
        if lines.count == 1 || named.count == 1 {
            state.returnLineIDs = (lines.count == 1 ? lines : named).map(\.id)
            state.awaiting = .returnReason
            let chosen = lines.filter { state.returnLineIDs.contains($0.id) }
            return say("I can open a return for \(OrderNarration.items(chosen)) from order #\(order.number). What's the reason for the return?")
        }
        state.awaiting = .returnItems
        let list = lines.enumerated().map { "\($0.offset + 1). \($0.element.title) ×\($0.element.quantity)" }.joined(separator: "\n")
        say("Which item of order #\(order.number) would you like to return?\n\(list)\nReply with the number or the name.")
    }

    private mutating func openReturn(_ order: Order, reason: String) {
        let claimed = claimedQuantities(of: order)
        let lines = order.lines.filter { state.returnLineIDs.contains($0.id) }
        let items = lines.map { ReturnItem(lineID: $0.id, quantity: $0.quantity - claimed[$0.id, default: 0]) }
        turn.actions.append(.openReturn(ReturnInput(orderID: order.id, items: items, reason: String(reason.prefix(2000)))))
        state.tried.append("opened return {{return.id}} for \(OrderNarration.items(lines)) of order #\(order.number)")
        state.finishTask()
        say("Done: return {{return.id}} is open for \(OrderNarration.items(lines)) from order #\(order.number). "
            + context.settings.returnInstructions)
    }

    // MARK: Questions, misunderstandings, hand-offs

    private mutating func answerFromHelpCentre(intent: String) {
        guard let (answer, link) = context.knowledge else {
            return refuse("I don't know the answer to that one, and I'd rather not guess.", order: nil, wanted: "an answer to a question")
        }
        state.tried.append("answered from the help article \"\(answer.title)\"")
        say("\(answer.passage)\n\nMore in \"\(answer.title)\": \(link)")
    }

    private mutating func notUnderstood() {
        if let (answer, link) = context.knowledge {
            state.misunderstood = 0
            state.tried.append("answered from the help article \"\(answer.title)\"")
            return say("\(answer.passage)\n\nMore in \"\(answer.title)\": \(link)")
        }
        state.misunderstood += 1
        state.tried.append("did not understand \"\(context.text.prefix(80))\"")
        if state.misunderstood >= Self.patience { return handOff(.lowConfidence) }
        say("Sorry, I didn't get that. I can tell you where your order is, start a return, send a payment link or answer questions about the shop. Or write \"agent\" to talk to a person.")
    }

    /// Explains why the bot can't do it and offers a person.
    private mutating func refuse(_ explanation: String, order: Order?, wanted: String) {
        state.tried.append("could not \(wanted)" + (order.map { " for order #\($0.number)" } ?? "") + " by itself")
        state.awaiting = .offerHuman
        say("\(explanation) Shall I pass you to a colleague? (yes/no)")
    }

    /// Gives the conversation to a person; `detail` is what went wrong, for the note.
    mutating func handOff(_ reason: HandoffReason, because detail: String? = nil) {
        if let detail { state.tried.append("could not finish: \(detail)") }
        turn.handoff = reason
        state.awaiting = nil
        say("I'm passing you to a colleague now. They'll see our conversation, so you won't need to repeat yourself, and they'll reply here.")
    }

    private mutating func say(_ text: String) {
        turn.replies.append(text)
    }
}
