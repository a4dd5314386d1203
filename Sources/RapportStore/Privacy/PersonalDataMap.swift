import SQLKit

/// Where a person's data lives, table by table: the one list export and erasure both follow.
/// A table added to the schema must be named here, in `exported` (with what links its rows to
/// a customer) or in `withoutCustomerData` (with why it holds none); a test fails until it is.
enum PersonalDataMap {
    /// How one table's rows are found for a person, and what orders its pages: a unique column,
    /// or an expression over its primary key's columns.
    struct Link: Sendable {
        var table: String
        var key: String
        var condition: @Sendable (PersonalDataScope) -> SQLQueryString

        /// The key of a row (read as `export_key`), to read on after it (`sequence` and
        /// `position` are numbers).
        func keyValue(_ row: any SQLRow) throws -> any Encodable & Sendable {
            ["sequence", "position"].contains(key)
                ? try row.decode(column: "export_key", as: Int64.self) : try row.decode(column: "export_key", as: String.self)
        }
    }

    static let exported: [Link] = [
        Link(table: "customers", key: "id") { "workspace_id = \(bind: $0.workspaceID) AND id IN (\(binds: $0.ids))" },
        ownedByCustomer("customer_identities"),
        ownedByCustomer("consent_entries"),
        ownedByCustomer("contact_preferences", key: "customer_id"),
        Link(table: "sign_ups", key: "id") { scope in
            "workspace_id = \(bind: scope.workspaceID) AND (customer_id IN (\(binds: scope.ids)) OR address IN (\(binds: scope.addresses.orNone)))"
        },
        Link(table: "consent_texts", key: "hash") { scope in
            """
            workspace_id = \(bind: scope.workspaceID) AND hash IN (\(binds: scope.textHashes.orNone))
            """
        },
        ownedByCustomer("interactions"),
        Link(table: "tracked_events", key: "sequence") { scope in
            """
            workspace_id = \(bind: scope.workspaceID) AND (customer_id IN (\(binds: scope.ids))
              OR anonymous_id IN (\(binds: scope.anonymousIDs.orNone)) OR user_id IN (\(binds: scope.appUserIDs.orNone)))
            """
        },
        ownedByCustomer("orders"),
        ofOrders("order_lines"),
        ofOrders("refunds"),
        Link(table: "returns", key: "id") { scope in
            "workspace_id = \(bind: scope.workspaceID) AND (customer_id IN (\(binds: scope.ids)) OR order_id IN (" + orders(scope) + "))"
        },
        ownedByCustomer("conversations"),
        ofConversations("messages", key: "id"),
        ofConversations("bot_sessions", key: "conversation_id"),
        Link(table: "merges", key: "id") { scope in
            "workspace_id = \(bind: scope.workspaceID) AND (survivor_id IN (\(binds: scope.ids)) OR merged_id IN (\(binds: scope.ids)))"
        },
        // An interaction moves once per merge, and may move in several: the pair is the key.
        Link(table: "merge_moves", key: "merge_id || ':' || interaction_id") { scope in
            """
            merge_id IN (SELECT id FROM merges WHERE workspace_id = \(bind: scope.workspaceID)
              AND (survivor_id IN (\(binds: scope.ids)) OR merged_id IN (\(binds: scope.ids))))
            """
        },
        Link(table: "merge_suggestions", key: "id") { scope in
            "workspace_id = \(bind: scope.workspaceID) AND (customer_id IN (\(binds: scope.ids)) OR candidate_id IN (\(binds: scope.ids)))"
        },
        ownedByCustomer("customer_rfm", key: "customer_id"),
        ownedByCustomer("customer_lifetime_values", key: "customer_id"),
        ownedByCustomer("segment_members", key: "segment_id || ':' || customer_id"),
        ownedByCustomer("segment_flips", key: "segment_id || ':' || customer_id"),
        // Whom a campaign went to, at which address, and what they did with it.
        ownedByCustomer("campaign_sends"),
        // Which journeys they were in, where, and each step they ran.
        ownedByCustomer("journey_enrolments"),
        // The team's tasks about them (a welcome call).
        ownedByCustomer("tasks"),
        // The team's alerts about them (a task due, a deal stuck, a meeting soon).
        ownedByCustomer("alerts"),
        // The deals made with them (kept for the books after an erasure, the person taken out).
        ownedByCustomer("deals"),
        Link(table: "deal_lines", key: "deal_id || ':' || line") { scope in
            """
            workspace_id = \(bind: scope.workspaceID) AND deal_id IN (SELECT id FROM deals
              WHERE workspace_id = \(bind: scope.workspaceID) AND customer_id IN (\(binds: scope.ids)))
            """
        },
        // Their leads (where they came from, who works them, the deal they became) and their
        // places at companies (removed by an erasure; the companies stay).
        ownedByCustomer("leads"),
        Link(table: "company_people", key: "company_id || ':' || customer_id") { scope in
            "workspace_id = \(bind: scope.workspaceID) AND customer_id IN (\(binds: scope.ids))"
        },
        // What their leads did that scoring rules gave points for (visits, pages, events by day).
        Link(table: "lead_score_facts", key: "lead_id || ':' || origin") { scope in
            "lead_id IN (SELECT id FROM leads WHERE workspace_id = \(bind: scope.workspaceID) AND customer_id IN (\(binds: scope.ids)))"
        },
        // Meetings about them (kept after an erasure without them), and their places among
        // meetings' attendees (by profile or address; removed by an erasure).
        ownedByCustomer("meetings"),
        Link(table: "meeting_attendees", key: "meeting_id || ':' || position") { scope in
            "workspace_id = \(bind: scope.workspaceID) AND (customer_id IN (\(binds: scope.ids)) OR email IN (\(binds: scope.addresses.orNone)))"
        },
        // Their loyalty points: every entry, the balance, the points an order still holds.
        ownedByCustomer("loyalty_entries"),
        ownedByCustomer("loyalty_balances", key: "customer_id"),
        ownedByCustomer("loyalty_holds"),
        // The rewards they took for points: each discount code and the order that used it.
        ownedByCustomer("loyalty_reward_codes"),
        // When they were last told their points expire soon, and how many.
        ownedByCustomer("loyalty_expiry_notices", key: "customer_id"),
        ownedByCustomer("loyalty_tier_states", key: "customer_id"),
        // Their product reviews, in their words.
        ownedByCustomer("reviews"),
        // The surveys they were sent, their scores and comments.
        ownedByCustomer("surveys"),
        // Their answers to the shop's forms and quizzes, with the page and browser they came
        // from, and answers anyone gave with their address typed in.
        Link(table: "form_responses", key: "id") { scope in
            "workspace_id = \(bind: scope.workspaceID) AND (customer_id IN (\(binds: scope.ids)) OR email IN (\(binds: scope.addresses.orNone)))"
        },
        // Their referral code, and the referrals they made or came with (the other side's id with them).
        ownedByCustomer("referral_codes", key: "code"),
        Link(table: "referrals", key: "id") { scope in
            "workspace_id = \(bind: scope.workspaceID) AND (referrer_id IN (\(binds: scope.ids)) OR friend_id IN (\(binds: scope.ids)))"
        },
        Link(table: "journey_steps", key: "enrolment_id || ':' || step_key || ':' || visit") { scope in
            "enrolment_id IN (SELECT id FROM journey_enrolments WHERE workspace_id = \(bind: scope.workspaceID) AND customer_id IN (\(binds: scope.ids)))"
        },
        Link(table: "audit_entries", key: "position") { scope in
            """
            workspace_id = \(bind: scope.workspaceID)
              AND subject_digest IN (\(binds: scope.ids.map { SubjectDigest.of($0, workspaceID: scope.workspaceID) }))
            """
        },
        Link(table: "domain_events", key: "sequence") { scope in
            "workspace_id = \(bind: scope.workspaceID) AND (subject_id IN (\(binds: scope.ids)) OR \(scope.dialect.containsAny(scope.tokens, column: "payload", quoted: true)))"
        },
        Link(table: "idempotency_keys", key: "key") { scope in
            "workspace_id = \(bind: scope.workspaceID) AND \(scope.dialect.containsAny(scope.tokens, column: "body", quoted: true))"
        },
    ]

    /// What goes with the customers' rows through `ON DELETE CASCADE` (counted for the receipt).
    static let cascading: [Link] = exported.filter {
        ["customer_identities", "consent_entries", "contact_preferences", "interactions", "conversations", "messages", "bot_sessions", "customer_rfm",
         "customer_lifetime_values", "segment_members", "segment_flips", "campaign_sends", "journey_enrolments", "journey_steps", "tasks", "alerts",
         "loyalty_entries", "loyalty_balances", "loyalty_holds", "loyalty_reward_codes", "loyalty_expiry_notices", "loyalty_tier_states", "reviews", "surveys", "referral_codes",
         "referrals", "leads", "lead_score_facts", "company_people"].contains($0.table)
    }

    /// Tables that hold no customer's data, and why.
    static let withoutCustomerData: [String: String] = [
        "schema_migrations": "the schema's version",
        "survey_settings": "when the store sends surveys",
        "review_settings": "which reviews approve themselves and which words hold one",
        "referral_programs": "the store's referral rewards",
        "companies": "the businesses the store sells to: name, domain, size, country, industry (their people are in company_people)",
        "pipelines": "the store's sales pipelines", "pipeline_stages": "the pipelines' stages and their win probabilities",
        "pipeline_stage_totals": "each stage's count and sum of deals per currency",
        "lead_scoring_rules": "what the store's lead scoring gives points for", "lead_scoring_settings": "the store's hot lead score",
        "calendar_feeds": "the team's calendar subscriptions (the secret hashed)",
        "deal_stage_moves": "which stage a deal entered, when and by which user (the deal names the customer)",
        "forms": "the store's forms and quizzes: questions, results, consent wording",
        "workspaces": "the store itself",
        "api_keys": "integrations' keys (hashed)",
        "products": "the catalogue", "product_variants": "the catalogue", "product_models": "the catalogue's 3D files",
        "sources": "connected shops", "webhook_deliveries": "ids of shop deliveries already handled",
        "jobs": "queued work naming records by random ids; an erasure removes the jobs of the person's records and blanks errors that name their addresses",
        "event_cursors": "how far each consumer has read", "webhook_subscriptions": "subscribers' addresses",
        "webhook_attempts": "delivery outcomes (status, timing)",
        "users": "the team", "teams": "the team", "team_members": "the team", "sessions": "the team's sign-ins",
        "user_devices": "the team's known devices", "sla_policies": "settings", "inboxes": "settings",
        "canned_responses": "settings", "routing_rules": "settings", "bot_settings": "settings", "bot_intent_sets": "settings",
        "knowledge_articles": "help articles", "lifetime_models": "model parameters", "rfm_states": "score thresholds",
        "inbound_nonces": "replay protection for provider webhooks",
        "erased_subjects": "digests of erased ids, not the ids",
        "suppressions": "digests of suppressed addresses (kept after an erasure, so an erased person who said STOP is not texted again)",
        "soft_bounces": "digests of addresses that bounced softly, with the message and time (three within 30 days suppress the address)",
        "audit_heads": "the end of each audit chain",
        "segments": "segment definitions and member counts", "segment_sizes": "each segment's member count by day",
        "campaigns": "campaign definitions: content, audience by segment, schedule",
        "loyalty_programs": "the loyalty programme's settings: earning rates, days, tiers",
        "loyalty_tier_baselines": "the shape of the store's tiers when its customers' tiers were last noted",
        "journeys": "journey drafts: triggers, steps, message content", "journey_versions": "published journey definitions",
        "campaign_early_reports": "providers' ids of campaign texts with a delivery outcome, no address, held an hour or two at most",
        "customer_search": "the SQLite search index over customers.search_document (rebuilt from it; compacted after an erasure)",
        "customer_search_data": "the search index's storage", "customer_search_idx": "the search index's storage",
        "customer_search_docsize": "the search index's storage", "customer_search_config": "the search index's storage",
    ]

    private static func ownedByCustomer(_ table: String, key: String = "id") -> Link {
        Link(table: table, key: key) { "workspace_id = \(bind: $0.workspaceID) AND customer_id IN (\(binds: $0.ids))" }
    }

    private static func orders(_ scope: PersonalDataScope) -> SQLQueryString {
        "SELECT id FROM orders WHERE workspace_id = \(bind: scope.workspaceID) AND customer_id IN (\(binds: scope.ids))"
    }

    private static func ofOrders(_ table: String) -> Link {
        Link(table: table, key: "id") { scope in "workspace_id = \(bind: scope.workspaceID) AND order_id IN (" + orders(scope) + ")" }
    }

    private static func ofConversations(_ table: String, key: String) -> Link {
        Link(table: table, key: key) { scope in
            """
            workspace_id = \(bind: scope.workspaceID) AND conversation_id IN (SELECT id FROM conversations
              WHERE workspace_id = \(bind: scope.workspaceID) AND customer_id IN (\(binds: scope.ids)))
            """
        }
    }
}
