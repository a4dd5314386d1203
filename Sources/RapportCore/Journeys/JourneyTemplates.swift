/// The built-in journeys (issue 23): a shop's classic flows, each ready to switch on with an
/// e-mail inbox. Keys are stable; the API lists them at `GET /api/v1/journeys/templates`.
public enum JourneyTemplates {
    /// Every built-in journey, in the order the API lists them.
    public static let all: [JourneyTemplate] = [
        abandonedCart, browseAbandonment, welcome, postPurchaseReview, replenishment, winBack, birthday, vipOnboarding, leadNurture,
    ]

    /// The built-in journey with this key.
    public static func template(_ key: String) -> JourneyTemplate? { all.first { $0.key == key } }

    static let abandonedCart = JourneyTemplate(
        key: "abandoned_cart", name: "Abandoned cart",
        summary: "A checkout started and not finished: a reminder after an hour, another the next day; an order ends it. At most once a week.",
        definitionText: #"""
            {"trigger": {"tracked_event": "Checkout Started"}, "entry": {"once_per_days": 7},
             "goal": {"event": "order.created", "within_days": 5},
             "steps": [
               {"key": "settle", "type": "wait", "duration": {"hours": 1}, "next": "first_reminder"},
               {"key": "first_reminder", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "You left something in your cart", "body": "Hi {{customer.first_name | default: \"there\"}},\n\nYour cart is waiting for you. Finish your order whenever you are ready."},
                            "id": {"subject": "Ada yang tertinggal di keranjangmu", "body": "Halo {{customer.first_name | default: \"kamu\"}},\n\nKeranjangmu masih menunggu. Selesaikan pesananmu kapan saja."}},
                "next": "a_day"},
               {"key": "a_day", "type": "wait", "duration": {"days": 1}, "next": "second_reminder"},
               {"key": "second_reminder", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "Still thinking it over?", "body": "Your cart is still saved. You might also like:\n\n{{recommendations}}"},
                            "id": {"subject": "Masih menimbang?", "body": "Keranjangmu masih tersimpan. Mungkin kamu juga suka:\n\n{{recommendations}}"}}}
             ]}
            """#)

    static let browseAbandonment = JourneyTemplate(
        key: "browse_abandonment", name: "Browse abandonment",
        summary: "A product viewed without buying: a note with it and what goes with it two hours later; an order ends it. At most once a week.",
        definitionText: #"""
            {"trigger": {"tracked_event": "Product Viewed"}, "entry": {"once_per_days": 7},
             "goal": {"event": "order.created", "within_days": 3},
             "steps": [
               {"key": "settle", "type": "wait", "duration": {"hours": 2}, "next": "suggest"},
               {"key": "suggest", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "Saw something you liked?", "body": "Hi {{customer.first_name | default: \"there\"}}, here is what caught your eye, and more like it:\n\n{{recommendations}}"},
                            "id": {"subject": "Ada yang kamu suka?", "body": "Halo {{customer.first_name | default: \"kamu\"}}, ini yang tadi kamu lihat, dan yang serupa:\n\n{{recommendations}}"}}}
             ]}
            """#)

    static let welcome = JourneyTemplate(
        key: "welcome", name: "Welcome series",
        summary: "A new customer: a welcome at once, the shop's favourites three days later, and a nudge after a week if they have not ordered. Customers imported with an older sign-up date are left out.",
        definitionText: #"""
            {"trigger": {"event": "customer.created"}, "entry": "once",
             "goal": {"event": "order.created", "within_days": 14},
             "steps": [
               {"key": "new", "type": "branch", "branches": [{"condition": {"field": "created_at", "op": "within_last_days", "value": 2}, "next": "hello"}], "otherwise": null},
               {"key": "hello", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "Welcome!", "body": "Hi {{customer.first_name | default: \"there\"}}, welcome to the shop. Reply to this e-mail any time: a person reads it."},
                            "id": {"subject": "Selamat datang!", "body": "Halo {{customer.first_name | default: \"kamu\"}}, selamat datang di toko kami. Balas e-mail ini kapan saja: ada orang yang membacanya."}},
                "next": "three_days"},
               {"key": "three_days", "type": "wait", "duration": {"days": 3}, "next": "favourites"},
               {"key": "favourites", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "Our customers' favourites", "body": "{{recommendations}}"},
                            "id": {"subject": "Favorit pelanggan kami", "body": "{{recommendations}}"}},
                "next": "four_days"},
               {"key": "four_days", "type": "wait", "duration": {"days": 4}, "next": "ordered"},
               {"key": "ordered", "type": "branch", "branches": [{"condition": {"field": "orders.count", "op": ">", "value": 0}, "next": null}], "otherwise": "nudge"},
               {"key": "nudge", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "Anything we can help you find?", "body": "Tell us what you are looking for and we will help you find it."},
                            "id": {"subject": "Ada yang bisa kami bantu carikan?", "body": "Ceritakan apa yang kamu cari, kami bantu temukan."}}}
             ]}
            """#)

    static let postPurchaseReview = JourneyTemplate(
        key: "post_purchase_review", name: "Thank-you and review request",
        summary: "An order delivered: thanks the next day, a request to review that order's products a week after delivery (one signed link per order, open 45 days), and up to two reminders five days apart to those who have not opened it; a review ends it.",
        definitionText: #"""
            {"trigger": {"event": "order.delivered"}, "entry": "every_time",
             "goal": {"tracked_event": "Product Reviewed", "within_days": 30},
             "steps": [
               {"key": "a_day", "type": "wait", "duration": {"days": 1}, "next": "thanks"},
               {"key": "thanks", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en", "marketing": false,
                "content": {"en": {"subject": "Thank you for your order", "body": "Hi {{customer.first_name | default: \"there\"}}, your order has arrived. We hope you love it."},
                            "id": {"subject": "Terima kasih atas pesananmu", "body": "Halo {{customer.first_name | default: \"kamu\"}}, pesananmu sudah sampai. Semoga kamu suka."}},
                "next": "six_days"},
               {"key": "six_days", "type": "wait", "duration": {"days": 6}, "next": "review_request"},
               {"key": "review_request", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "How was it?", "body": "Would you tell other shoppers what you think of your order? It takes a minute and helps them choose:\n\n{{review_link}}"},
                            "id": {"subject": "Bagaimana pesananmu?", "body": "Maukah kamu ceritakan pendapatmu kepada pembeli lain? Hanya semenit, dan membantu mereka memilih:\n\n{{review_link}}"}},
                "next": "five_days"},
               {"key": "five_days", "type": "wait", "duration": {"days": 5}, "next": "opened"},
               {"key": "opened", "type": "branch",
                "branches": [{"condition": {"field": "events.count", "event": "Review Request Opened", "op": ">", "value": 0, "within_days": 6}, "next": null}],
                "otherwise": "reminder"},
               {"key": "reminder", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "A minute for a review?", "body": "Hi {{customer.first_name | default: \"there\"}}, your thoughts on your order would help other shoppers:\n\n{{review_link}}"},
                            "id": {"subject": "Semenit untuk ulasan?", "body": "Halo {{customer.first_name | default: \"kamu\"}}, pendapatmu tentang pesananmu akan membantu pembeli lain:\n\n{{review_link}}"}},
                "next": "five_more_days"},
               {"key": "five_more_days", "type": "wait", "duration": {"days": 5}, "next": "opened_after_reminder"},
               {"key": "opened_after_reminder", "type": "branch",
                "branches": [{"condition": {"field": "events.count", "event": "Review Request Opened", "op": ">", "value": 0, "within_days": 11}, "next": null}],
                "otherwise": "last_reminder"},
               {"key": "last_reminder", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "Last call: how was your order?", "body": "This is the last time we ask: if you have a minute, tell other shoppers what you think.\n\n{{review_link}}"},
                            "id": {"subject": "Terakhir kali: bagaimana pesananmu?", "body": "Ini terakhir kali kami bertanya: jika ada waktu semenit, ceritakan pendapatmu kepada pembeli lain.\n\n{{review_link}}"}}}
             ]}
            """#)

    static let replenishment = JourneyTemplate(
        key: "replenishment", name: "Replenishment",
        summary: "An order delivered: a reminder to stock up when the customer's next purchase is due by their own re-buy interval (30 days after delivery until they have two purchases); an order within 120 days of the delivery ends it.",
        definitionText: #"""
            {"trigger": {"event": "order.delivered"}, "entry": "every_time",
             "goal": {"event": "order.created", "within_days": 120},
             "steps": [
               {"key": "until_running_low", "type": "wait", "duration": {"days": 30}, "rebuy_interval": true, "next": "remind"},
               {"key": "remind", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "Running low?", "body": "Hi {{customer.first_name | default: \"there\"}}, it may be time to stock up on what you ordered last ({{order.items | default: \"your last order\"}})."},
                            "id": {"subject": "Sudah mau habis?", "body": "Halo {{customer.first_name | default: \"kamu\"}}, mungkin sudah waktunya menambah stok pesanan terakhirmu ({{order.items | default: \"pesanan terakhirmu\"}})."}}}
             ]}
            """#)

    static let winBack = JourneyTemplate(
        key: "win_back", name: "Win-back",
        summary: "A customer slipping away (RFM \"at risk\", or a probability of still being a customer below 30%): a note that they are missed, an offer a week later; buying again (leaving the segment) ends it.",
        segment: JourneyTemplateSegment(
            name: "Slipping away",
            definitionText: #"{"any": [{"field": "rfm.segment", "op": "=", "value": "at_risk"}, {"field": "clv.probability_alive", "op": "<", "value": 0.3}]}"#),
        definitionText: #"""
            {"trigger": {"segment_entered": "{{segment_id}}"}, "entry": {"once_per_days": 90}, "exit_on_segment_left": true,
             "goal": {"event": "order.created", "within_days": 14},
             "steps": [
               {"key": "missed", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "We miss you", "body": "Hi {{customer.first_name | default: \"there\"}}, it has been a while. Here is what is new:\n\n{{recommendations}}"},
                            "id": {"subject": "Kami rindu kamu", "body": "Halo {{customer.first_name | default: \"kamu\"}}, sudah lama ya. Ini yang baru:\n\n{{recommendations}}"}},
                "next": "a_week"},
               {"key": "a_week", "type": "wait", "duration": {"days": 7}, "next": "offer"},
               {"key": "offer", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "A little something to come back for", "body": "Take 10% off your next order this week with the code COMEBACK10."},
                            "id": {"subject": "Hadiah kecil untuk kembali", "body": "Dapatkan potongan 10% untuk pesanan berikutnya minggu ini dengan kode COMEBACK10."}}}
             ]}
            """#)

    static let birthday = JourneyTemplate(
        key: "birthday", name: "Birthday",
        summary: "On a customer's birthday (the `birthday` attribute), a greeting with a gift at nine in the morning on their clock.",
        segment: JourneyTemplateSegment(
            name: "Birthday today or tomorrow", definitionText: #"{"field": "attributes.birthday", "op": "anniversary_within_days", "value": 1}"#),
        definitionText: #"""
            {"trigger": {"segment_entered": "{{segment_id}}"}, "entry": {"once_per_days": 300},
             "steps": [
               {"key": "morning", "type": "wait_until", "time": "09:00", "anniversary_of": "birthday", "next": "greeting"},
               {"key": "greeting", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "Happy birthday, {{customer.first_name | default: \"friend\"}}!", "body": "Enjoy 15% off anything today with the code BIRTHDAY15."},
                            "id": {"subject": "Selamat ulang tahun, {{customer.first_name | default: \"teman\"}}!", "body": "Nikmati potongan 15% untuk apa saja hari ini dengan kode BIRTHDAY15."}}}
             ]}
            """#)

    static let vipOnboarding = JourneyTemplate(
        key: "vip_onboarding", name: "VIP onboarding",
        summary: "A customer who becomes a Champion (RFM): tagged vip, a welcome call as a task for the team, and a personal note by e-mail.",
        segment: JourneyTemplateSegment(name: "Champions (RFM)", definitionText: #"{"field": "rfm.segment", "op": "=", "value": "champions"}"#),
        definitionText: #"""
            {"trigger": {"segment_entered": "{{segment_id}}"}, "entry": "once",
             "steps": [
               {"key": "tag", "type": "update_profile", "add_tags": ["vip"], "next": "call"},
               {"key": "call", "type": "task", "title": "Welcome call for a new VIP", "due_after": {"days": 2}, "next": "welcome"},
               {"key": "welcome", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "You are one of our best customers", "body": "Hi {{customer.first_name | default: \"there\"}}, thank you for shopping with us so often. Someone from our team will call you to say so in person."},
                            "id": {"subject": "Kamu salah satu pelanggan terbaik kami", "body": "Halo {{customer.first_name | default: \"kamu\"}}, terima kasih sudah sering berbelanja. Tim kami akan menelepon untuk menyampaikannya langsung."}}}
             ]}
            """#)

    static let leadNurture = JourneyTemplate(
        key: "lead_nurture", name: "Lead nurture",
        summary: "A contact who asked the bot about products where the channel proves who they are (a shopper the shop signed in to its web chat, a phone number) and has not bought a day later: material over a week; when they come back to the shop, a person is told with a task.",
        definitionText: #"""
            {"trigger": {"event": "conversation.product_asked", "filters": [{"property": "verified", "is": "eq", "value": true}]}, "entry": {"once_per_days": 30},
             "goal": {"event": "order.created", "within_days": 14},
             "steps": [
               {"key": "think_it_over", "type": "wait", "duration": {"days": 1}, "next": "material"},
               {"key": "material", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "More about what you asked us", "body": "Hi {{customer.first_name | default: \"there\"}}, here is more about the products you asked about:\n\n{{recommendations}}"},
                            "id": {"subject": "Info lebih lanjut tentang pertanyaanmu", "body": "Halo {{customer.first_name | default: \"kamu\"}}, ini info lebih lanjut tentang produk yang kamu tanyakan:\n\n{{recommendations}}"}},
                "next": "engaged"},
               {"key": "engaged", "type": "wait_for_event", "tracked_event": "Product Viewed", "timeout": {"days": 3}, "next": "tell_team", "on_timeout": "more_material"},
               {"key": "more_material", "type": "send", "channel": "email", "inbox_id": "{{inbox_id}}", "default_locale": "en",
                "content": {"en": {"subject": "Questions others asked", "body": "Answers to what other shoppers asked before they bought. Reply with any question of yours."},
                            "id": {"subject": "Pertanyaan yang sering diajukan", "body": "Jawaban atas pertanyaan pembeli lain sebelum membeli. Balas e-mail ini untuk bertanya."}},
                "next": "engaged_later"},
               {"key": "engaged_later", "type": "wait_for_event", "tracked_event": "Product Viewed", "timeout": {"days": 4}, "next": "tell_team", "on_timeout": null},
               {"key": "tell_team", "type": "task", "title": "A nurtured lead is looking at products again: get in touch", "due_after": {"hours": 4}}
             ]}
            """#)
}

extension JourneyTemplates {
    /// The built-in journeys, for those who may see journeys.
    public static func listed(for actor: Actor) throws -> [JourneyTemplate] {
        try actor.require(.viewJourneys)
        return all
    }
}
