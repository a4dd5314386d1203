import Foundation
import RapportCore

/// What the customer sidebar and the customer page show: profile, identities, tags and
/// attributes, orders with items and tracking, returns, the timeline, merge suggestions and
/// the merges that can be undone; the lifetime value and product recommendations; the
/// journeys they are in and where, the team's open tasks about them, and their loyalty points.
struct CustomerViews: Sendable {
    let customers: CustomerService
    let commerce: CommerceService
    let recommendations: RecommendationService
    let journeys: JourneyService
    let tasks: WorkTaskService
    let loyalty: LoyaltyService
    let clock: any WallClock

    /// The sidebar beside a conversation: who this is, and their latest orders.
    func sidebar(customerID: String, actor: Actor) async throws -> CustomerSidebarView {
        let view: CustomerView
        do {
            view = try await customers.view(id: customerID, as: actor)
        } catch RapportError.mergedInto(let survivor) {
            return try await sidebar(customerID: survivor, actor: actor)
        } catch RapportError.notFound {
            return CustomerSidebarView(missing: true)
        }
        let orders = try await commerce.orders(filter: OrderFilter(customerID: view.customer.id), page: try PageRequest(limit: 5), as: actor)
        let customer = view.customer
        return CustomerSidebarView(
            id: customer.id, name: WebFormat.customerName(customer),
            identities: customer.identities.map { CustomerSidebarView.Identity(kind: $0.kind.rawValue, value: $0.value) },
            tags: customer.profile.tags, hasTags: !customer.profile.tags.isEmpty, summary: summary(view.commerce),
            orders: orders.items.map(order), moreOrders: orders.hasMore)
    }

    /// The full customer page (an audited view).
    func page(customerID: String, actor: Actor) async throws -> CustomerPageView {
        let view = try await customers.open(id: customerID, as: actor)
        async let orderPage = commerce.orders(filter: OrderFilter(customerID: customerID), page: try PageRequest(limit: 50), as: actor)
        async let returnPage = commerce.returns(customerID: customerID, as: actor)
        async let timelinePage = customers.timeline(customerID: customerID, page: try PageRequest(limit: 50), as: actor)
        async let mergeList = customers.merges(customerID: customerID, as: actor)
        async let suggestionPage = customers.mergeSuggestions(page: try PageRequest(limit: 100), as: actor)
        let (orders, returns, timeline, merges, suggestions) = try await (orderPage, returnPage, timelinePage, mergeList, suggestionPage)
        let now = clock.now()
        let customer = view.customer
        let profile = customer.profile
        let name = WebFormat.customerName(customer)
        let returnRows = returns.map(ReturnView.init)
        let entries = timeline.items.map { interaction in
            CustomerPageView.TimelineEntry(
                channel: interaction.channel.rawValue, direction: interaction.direction.rawValue,
                kind: interaction.kind.rawValue.replacingOccurrences(of: "_", with: " "),
                summary: interaction.summary ?? (interaction.isConversationMessage ? "Message (contents visible to the support team)" : nil),
                when: WebFormat.ago(interaction.occurredAt, now: now), whenISO: WebFormat.iso(interaction.occurredAt))
        }
        let undoable = merges.filter { $0.undoneAt == nil && $0.survivorID == customer.id }.map { record in
            CustomerPageView.Merge(
                mergeID: record.id, customerID: customer.id, mergedName: WebFormat.customerName(snapshot: record.mergedBefore),
                when: WebFormat.day(record.createdAt))
        }
        let duplicates = suggestions.items.filter { $0.customerID == customerID || $0.candidateID == customerID }.map { suggestion in
            CustomerPageView.Suggestion(
                customerID: customerID, otherID: suggestion.customerID == customerID ? suggestion.candidateID : suggestion.customerID,
                reason: suggestion.reason, identity: "\(suggestion.identityKind.rawValue) \(suggestion.identityValue)")
        }
        let consent = view.consents.map { state in
            CustomerPageView.Consent(
                purpose: state.purpose.rawValue, channel: state.channel.rawValue, effect: state.effect(at: now).rawValue,
                since: WebFormat.day(state.current.evidence.occurredAt), source: state.current.evidence.source.rawValue.replacingOccurrences(of: "_", with: " "),
                expires: state.current.expiresAt.map(WebFormat.day),
                changes: state.history.map { entry in
                    CustomerPageView.Consent.Change(
                        status: entry.status.rawValue, source: entry.evidence.source.rawValue.replacingOccurrences(of: "_", with: " "),
                        actor: entry.evidence.actor, when: WebFormat.time(entry.evidence.occurredAt), whenISO: WebFormat.iso(entry.evidence.occurredAt),
                        address: entry.evidence.ipAddress, browser: entry.evidence.userAgent, textHash: entry.evidence.textHash.map { String($0.prefix(12)) },
                        signedUp: entry.evidence.signUp.map { signUp in
                            "signed up \(WebFormat.time(signUp.signedUpAt))" + (signUp.ipAddress.map { " from \($0)" } ?? "")
                                + (signUp.userAgent.map { " (\($0))" } ?? "") + ", confirmed by e-mail link"
                        })
                })
        }
        let attributes = profile.attributes.keys.sorted().map { key in
            CustomerPageView.Attribute(key: key, value: WebFormat.attribute(profile.attributes[key]))
        }
        let items = try await recommendations.forCustomer(id: customer.id, limit: 6, as: actor)
        let recommended = await RecommendedProducts.rows(items, commerce: commerce, as: actor)
        let (journeyRows, taskRows) = try await journeysAndTasks(of: customer.id, actor: actor)
        var page = CustomerPageView(
            id: customer.id, name: name, initials: WebFormat.initials(name),
            locale: profile.locale, timezone: profile.timezone, notes: profile.notes, since: WebFormat.day(customer.createdAt),
            identities: customer.identities.map { CustomerPageView.Identity(kind: $0.kind.rawValue, value: $0.value, source: $0.source) },
            tags: profile.tags, consent: consent, hasConsent: !consent.isEmpty,
            consentPurposes: (ConsentPurpose.standard + view.consents.map(\.purpose).filter { !ConsentPurpose.standard.contains($0) })
                .reduce(into: [ConsentPurpose]()) { if !$0.contains($1) { $0.append($1) } }.map { ChoiceView(value: $0.rawValue) },
            consentChannels: ConsentChannel.allCases.map { ChoiceView(value: $0.rawValue) },
            consentStatuses: ConsentStatus.allCases.map { ChoiceView(value: $0.rawValue) }, attributes: attributes,
            addresses: profile.addresses.map { CustomerPageView.Address(text: $0.oneLine) },
            summary: summary(view.commerce), orders: orders.items.map(order), returns: returnRows, timeline: entries,
            merges: undoable, suggestions: duplicates, interactionCount: view.interactionCount,
            lifetime: view.lifetimeValue.map(lifetime), rfm: view.rfm.map(rfm), recommendations: recommended, journeys: journeyRows, tasks: taskRows,
            showsJourneys: actor.may(.viewJourneys), showsTasks: actor.may(.viewTasks))
        if let program = try await loyalty.program(as: actor) {
            let account = try await loyalty.account(customerID: customer.id, page: try PageRequest(limit: CustomerLoyaltyView.entriesShown), as: actor)
            let codes = try await loyalty.rewardCodes(customerID: customer.id, as: actor)
            page.loyalty = CustomerLoyaltyView(account, rewards: program.rewards, codes: codes.items, actor: actor, now: now)
        }
        return page
    }

    /// The journeys the customer is or was in (the latest twenty) and where, and the team's
    /// open tasks about them, for those who may see each.
    private func journeysAndTasks(of customerID: String, actor: Actor) async throws -> ([CustomerPageView.JourneyRow], [CustomerPageView.TaskRow]) {
        var rows: [CustomerPageView.JourneyRow] = []
        if actor.may(.viewJourneys) {
            var names: [String: String] = [:]
            for enrolment in try await journeys.enrolments(ofCustomer: customerID, as: actor).prefix(20) {
                if names[enrolment.journeyID] == nil { names[enrolment.journeyID] = try await journeys.find(id: enrolment.journeyID, as: actor).name }
                let place = enrolment.finishedAt == nil ? (enrolment.position.map { "at \($0.stepKey)" } ?? "") : "ended: \(enrolment.endReason ?? "end")"
                rows.append(CustomerPageView.JourneyRow(
                    journeyID: enrolment.journeyID, name: names[enrolment.journeyID] ?? enrolment.journeyID, status: enrolment.status.rawValue, place: place,
                    entered: WebFormat.time(enrolment.enteredAt), enteredISO: WebFormat.iso(enrolment.enteredAt)))
            }
        }
        var open: [CustomerPageView.TaskRow] = []
        if actor.may(.viewTasks) {
            let found = try await tasks.list(filter: WorkTaskFilter(status: .open, customerID: customerID), page: try PageRequest(limit: 20), as: actor)
            open = found.items.map { task in
                CustomerPageView.TaskRow(
                    id: task.id, title: task.title, kind: task.kind.rawValue, due: task.dueAt.map { WebFormat.due($0, now: clock.now()) },
                    overdue: task.isOverdue(at: clock.now()))
            }
        }
        return (rows, open)
    }

    /// The lifetime forecast, once the daily fit has run.
    private func lifetime(_ stored: CustomerLifetimeValue) -> CustomerPageView.Lifetime {
        let money = { (amount: Double) in
            Currency.minorUnits(fromMajor: amount, currency: stored.currency).map { WebFormat.money($0, stored.currency) } ?? ""
        }
        return CustomerPageView.Lifetime(
            value: money(stored.forecast.lifetimeValue), orderValue: money(stored.forecast.expectedOrderValue),
            purchases: String(format: "%.1f", stored.forecast.expectedPurchases),
            alive: String(format: "%.0f%%", stored.forecast.probabilityAlive * 100), asOf: WebFormat.day(stored.computedAt))
    }

    private func rfm(_ scores: CustomerRFM) -> CustomerPageView.RFM {
        CustomerPageView.RFM(
            scores: "R\(scores.recencyScore) F\(scores.frequencyScore) M\(scores.monetaryScore)", segment: scores.segment.label,
            segmentValue: scores.segment.rawValue)
    }

    func summary(_ summary: CommerceSummary) -> CommerceSummaryView {
        CommerceSummaryView(
            orders: summary.orderCount,
            spent: summary.totalSpent.keys.sorted().map { WebFormat.money(summary.totalSpent[$0] ?? 0, $0) }.joined(separator: " + "),
            openReturns: summary.openReturns > 0 ? summary.openReturns : nil)
    }

    func order(_ order: Order) -> OrderView {
        OrderView(
            id: order.id, number: order.number, status: order.status.rawValue.replacingOccurrences(of: "_", with: " "),
            statusClass: order.status.rawValue, total: WebFormat.money(order.totals.total, order.currency),
            placed: WebFormat.day(order.placedAt),
            items: order.lines.map { OrderView.Item(title: $0.title, quantity: $0.quantity, price: WebFormat.money($0.total, order.currency)) },
            tracking: order.fulfillments.compactMap { fulfillment -> OrderView.Tracking? in
                guard fulfillment.trackingNumber != nil || fulfillment.trackingURL != nil else { return nil }
                return OrderView.Tracking(
                    carrier: fulfillment.carrier ?? "Parcel", number: fulfillment.trackingNumber ?? "tracking",
                    url: fulfillment.trackingURL.flatMap(WebFormat.safeLink))
            })
    }
}
