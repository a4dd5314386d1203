import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Every registered route, called as every role, against the table below: a route added
/// without a row fails the test, and so does a role that gets more (or less) than its row says.
@Suite("Security: route × role matrix")
struct RouteRoleMatrixTests {
    /// Who may call a route.
    enum Rule: Sendable {
        /// No credentials at all: health, the sign-in page, assets, the widget, help articles,
        /// a web-chat visitor starting a session.
        case open
        /// Its own credentials, not a user's: a provider's or shop's signature, a write key, a
        /// chat token. Called with none, it refuses (a 4xx; nothing changes).
        case ownCredentials
        /// A signed-in user of one of these roles.
        case roles(Set<UserRole>)
    }

    static let everyone: Set<UserRole> = [.admin, .manager, .agent, .marketer]
    /// Those who read and work conversations.
    static let support: Set<UserRole> = [.admin, .manager, .agent]
    static let managers: Set<UserRole> = [.admin, .manager]
    static let admins: Set<UserRole> = [.admin]
    /// Those who see the store's figures and segments.
    static let analysts: Set<UserRole> = [.admin, .manager, .marketer]

    static let table: [String: Rule] = [
        "GET /": .open,
        "GET /health": .open,
        "GET /api/v1/openapi.json": .open,
        "GET /assets/{name}": .open,
        "GET /widget.js": .open,
        "GET /login": .open,
        "POST /login": .open,
        "GET /help/{workspace}/{slug}": .open,
        "GET /preferences/{token}": .ownCredentials,
        "POST /preferences/{token}": .ownCredentials,
        // Taking a loyalty reward for one's own points: the signed link is the credential.
        "POST /preferences/{token}/reward": .ownCredentials,
        "GET /unsubscribe/{token}": .ownCredentials,
        // A user's calendar feed, polled by their phone: the secret in the address is the credential.
        "GET /calendar/{feed}/{file}": .ownCredentials,
        "POST /unsubscribe/{token}": .ownCredentials,
        "GET /confirm/{token}": .ownCredentials,
        "POST /confirm/{token}": .ownCredentials,
        // A campaign message's click redirect and open pixel: the signature is the credential.
        "GET /c/{send_id}/{signature}": .ownCredentials,
        "GET /o/{send_id}/{signature}": .ownCredentials,
        // An SMS campaign's short click redirect: the signature (of the send and the link) is the credential.
        "GET /s/{send_id}/{index}/{signature}": .ownCredentials,
        "OPTIONS /chat/{inbox_id}/sessions": .open,
        "POST /chat/{inbox_id}/sessions": .open,
        "OPTIONS /chat/{inbox_id}/messages": .open,
        "GET /chat/{inbox_id}/messages": .ownCredentials,
        "POST /chat/{inbox_id}/messages": .ownCredentials,
        "GET /chat/{inbox_id}/stream": .ownCredentials,
        "OPTIONS /chat/{inbox_id}/stream": .open,
        "POST /webhooks/shopify/{source_id}": .ownCredentials,
        "POST /webhooks/woocommerce/{source_id}": .ownCredentials,
        "GET /webhooks/whatsapp/{inbox_id}": .ownCredentials,
        "POST /webhooks/whatsapp/{inbox_id}": .ownCredentials,
        "GET /webhooks/messenger/{inbox_id}": .ownCredentials,
        "POST /webhooks/messenger/{inbox_id}": .ownCredentials,
        "GET /webhooks/instagram/{inbox_id}": .ownCredentials,
        "POST /webhooks/instagram/{inbox_id}": .ownCredentials,
        "POST /webhooks/twilio/sms/{inbox_id}": .ownCredentials,
        "POST /webhooks/twilio/sms/{inbox_id}/status": .ownCredentials,
        "POST /webhooks/twilio/voice/{inbox_id}": .ownCredentials,
        "POST /webhooks/twilio/voice/{inbox_id}/menu": .ownCredentials,
        "POST /webhooks/twilio/voice/{inbox_id}/recording": .ownCredentials,
        "POST /webhooks/twilio/voice/{inbox_id}/status": .ownCredentials,
        "POST /webhooks/email/{inbox_id}": .ownCredentials,
        "POST /webhooks/email/{inbox_id}/events": .ownCredentials,
        "POST /v1/identify": .ownCredentials,
        "POST /v1/track": .ownCredentials,
        "POST /v1/page": .ownCredentials,
        "POST /v1/screen": .ownCredentials,
        "POST /v1/group": .ownCredentials,
        "POST /v1/alias": .ownCredentials,
        "POST /v1/batch": .ownCredentials,
        "POST /v1/import": .ownCredentials,
        "POST /v1/subscribe": .ownCredentials,
        // The browser's question before a tracking call from a shop's page: answered with no key.
        "OPTIONS /v1/identify": .open,
        "OPTIONS /v1/track": .open,
        "OPTIONS /v1/page": .open,
        "OPTIONS /v1/screen": .open,
        "OPTIONS /v1/group": .open,
        "OPTIONS /v1/alias": .open,
        "OPTIONS /v1/batch": .open,
        "OPTIONS /v1/import": .open,

        // Customers
        "GET /api/v1/customers": .roles(everyone),
        "POST /api/v1/customers": .roles(everyone),
        "GET /api/v1/customers/{id}": .roles(everyone),
        "PATCH /api/v1/customers/{id}": .roles(everyone),
        "DELETE /api/v1/customers/{id}": .roles(managers),
        "POST /api/v1/customers/{id}/restore": .roles(managers),
        "POST /api/v1/customers/{id}/identities": .roles(everyone),
        "DELETE /api/v1/customers/{id}/identities/{identity_id}": .roles(everyone),
        "POST /api/v1/customers/{id}/tags": .roles(everyone),
        "DELETE /api/v1/customers/{id}/tags/{tag}": .roles(everyone),
        "PUT /api/v1/customers/{id}/attributes/{key}": .roles(everyone),
        "DELETE /api/v1/customers/{id}/attributes/{key}": .roles(everyone),
        "POST /api/v1/customers/{id}/merge": .roles(everyone),
        "POST /api/v1/customers/{id}/unmerge": .roles(everyone),
        "GET /api/v1/customers/{id}/merges": .roles(everyone),
        "POST /api/v1/customers/{id}/consents": .roles(everyone),
        "GET /api/v1/customers/{id}/consents": .roles(everyone),
        "GET /api/v1/customers/{id}/export": .roles(managers),
        "POST /api/v1/customers/{id}/preference_link": .roles(everyone),
        "POST /api/v1/customers/{id}/erase": .roles(admins),
        "GET /api/v1/audit_entries": .roles(admins),
        "POST /api/v1/customers/{id}/interactions": .roles(everyone),
        "GET /api/v1/customers/{id}/timeline": .roles(everyone),
        "GET /api/v1/customers/{id}/recommendations": .roles(everyone),
        "GET /api/v1/merge-suggestions": .roles(everyone),
        "GET /customers": .roles(everyone),
        "GET /customers/{id}": .roles(everyone),
        "POST /customers/{id}/tags": .roles(everyone),
        "POST /customers/{id}/tags/remove": .roles(everyone),
        "POST /customers/{id}/attributes": .roles(everyone),
        "POST /customers/{id}/merge": .roles(everyone),
        "GET /customers/{id}/merge/{other}": .roles(everyone),
        "POST /customers/{id}/unmerge": .roles(everyone),
        "POST /customers/{id}/conversations": .roles(support),
        "POST /customers/{id}/consents": .roles(everyone),
        "GET /customers/{id}/export": .roles(managers),
        "POST /customers/{id}/erase": .roles(admins),
        "GET /audit": .roles(admins),
        "GET /audit/export": .roles(admins),

        // Commerce
        "GET /api/v1/products": .roles(everyone),
        "POST /api/v1/products": .roles(support),
        "GET /api/v1/products/{id}": .roles(everyone),
        "GET /api/v1/products/{id}/recommendations": .roles(everyone),
        // A product's 3D files are catalogue: everyone sees them, those who change products change them.
        "GET /api/v1/products/{id}/models": .roles(everyone),
        "PUT /api/v1/products/{id}/models/{format}": .roles(support),
        "DELETE /api/v1/products/{id}/models/{format}": .roles(support),
        "GET /api/v1/orders": .roles(everyone),
        "POST /api/v1/orders": .roles(support),
        "GET /api/v1/orders/{id}": .roles(everyone),
        "PATCH /api/v1/orders/{id}": .roles(support),
        "GET /api/v1/orders/{id}/fulfillments": .roles(everyone),
        "POST /api/v1/orders/{id}/fulfillments": .roles(support),
        "GET /api/v1/returns": .roles(everyone),
        "POST /api/v1/returns": .roles(support),
        "GET /api/v1/returns/{id}": .roles(everyone),
        "PATCH /api/v1/returns/{id}": .roles(support),
        "GET /api/v1/stats": .roles(everyone),
        "GET /orders": .roles(everyone),
        "GET /orders/{id}": .roles(everyone),
        "GET /products": .roles(everyone),
        "GET /products/{id}": .roles(everyone),
        // The review moderation page: everyone reads it, those who moderate act on it.
        "GET /products/reviews": .roles(everyone),
        "POST /products/reviews/settings": .roles(analysts),
        "POST /products/reviews/{id}/approve": .roles(analysts),
        "POST /products/reviews/{id}/reject": .roles(analysts),
        "POST /products/reviews/{id}/reply": .roles(analysts),
        // The loyalty page (read by everyone, changed by those who shape the programme) and the customer page's points forms.
        "GET /loyalty": .roles(everyone),
        "POST /loyalty": .roles(analysts),
        "POST /loyalty/rewards": .roles(analysts),
        "POST /loyalty/rewards/remove": .roles(analysts),
        "POST /loyalty/multipliers": .roles(analysts),
        "POST /loyalty/multipliers/remove": .roles(analysts),
        "POST /customers/{id}/loyalty/redeem": .roles(support),
        "POST /customers/{id}/loyalty/adjust": .roles(managers),
        "POST /customers/{id}/loyalty/reward": .roles(support),

        // Insights
        "GET /api/v1/insights/metrics": .roles(analysts),
        "GET /api/v1/insights/cohorts": .roles(analysts),
        "GET /api/v1/insights/rfm": .roles(analysts),
        "GET /insights": .roles(analysts),
        "POST /insights/refresh": .roles(managers),

        // Shops and outgoing webhooks
        "GET /api/v1/sources": .roles(admins),
        "POST /api/v1/sources": .roles(admins),
        "POST /api/v1/sources/{id}/secret": .roles(admins),
        "DELETE /api/v1/sources/{id}": .roles(admins),
        "GET /api/v1/webhook_endpoints": .roles(admins),
        "POST /api/v1/webhook_endpoints": .roles(admins),
        "GET /api/v1/webhook_endpoints/{id}": .roles(admins),
        "DELETE /api/v1/webhook_endpoints/{id}": .roles(admins),
        "GET /api/v1/webhook_endpoints/{id}/attempts": .roles(admins),

        // Segments and lists: everyone sees them (the inbox filters by them); analysts build them
        "GET /api/v1/segments": .roles(everyone),
        "POST /api/v1/segments": .roles(analysts),
        "POST /api/v1/segments/preview": .roles(everyone),
        "GET /api/v1/segments/{id}": .roles(everyone),
        "PATCH /api/v1/segments/{id}": .roles(analysts),
        "DELETE /api/v1/segments/{id}": .roles(analysts),
        "GET /api/v1/segments/{id}/members": .roles(everyone),
        "POST /api/v1/segments/{id}/members": .roles(analysts),
        "DELETE /api/v1/segments/{id}/members/{customer_id}": .roles(analysts),
        "POST /api/v1/segments/{id}/freeze": .roles(analysts),
        "POST /api/v1/segments/{id}/rebuild": .roles(analysts),
        "GET /api/v1/customers/{id}/segments": .roles(everyone),
        // Many customers' personal data at once: those who build segments, not agents
        "GET /api/v1/segments/{id}/members.csv": .roles(analysts),
        "GET /segments/{id}/members.csv": .roles(analysts),
        "POST /api/v1/segments/{id}/members/import": .roles(analysts),
        "GET /segments": .roles(everyone),
        "GET /segments/new": .roles(analysts),
        "POST /segments": .roles(analysts),
        "GET /segments/{id}": .roles(everyone),
        "GET /segments/{id}/edit": .roles(analysts),
        "POST /segments/{id}": .roles(analysts),
        "POST /segments/{id}/rebuild": .roles(analysts),
        "POST /segments/{id}/freeze": .roles(analysts),
        "POST /segments/{id}/delete": .roles(analysts),

        // Campaigns: everyone sees them (agents answer the replies they bring); analysts build them
        "GET /api/v1/campaigns": .roles(everyone),
        "POST /api/v1/campaigns": .roles(analysts),
        "GET /api/v1/campaigns/{id}": .roles(everyone),
        // The report carries revenue: the insights' roles.
        "GET /api/v1/campaigns/{id}/report": .roles(analysts),
        "PATCH /api/v1/campaigns/{id}": .roles(analysts),
        "DELETE /api/v1/campaigns/{id}": .roles(analysts),
        "POST /api/v1/campaigns/{id}/send": .roles(analysts),
        "POST /api/v1/campaigns/{id}/pause": .roles(analysts),
        "POST /api/v1/campaigns/{id}/resume": .roles(analysts),
        "POST /api/v1/campaigns/{id}/cancel": .roles(analysts),
        "POST /api/v1/campaigns/{id}/winner": .roles(analysts),
        // A preview shows what everyone may see; a test send mails the team, so only those who send campaigns
        "POST /api/v1/campaigns/{id}/preview": .roles(everyone),
        "POST /api/v1/campaigns/{id}/test_send": .roles(analysts),
        // The link check fetches the links' sites from the server: those who send campaigns.
        "POST /api/v1/campaigns/{id}/link_check": .roles(analysts),
        "GET /api/v1/journeys/templates": .roles(everyone),
        "GET /api/v1/journeys": .roles(everyone),
        "POST /api/v1/journeys": .roles(analysts),
        "GET /api/v1/journeys/{id}": .roles(everyone),
        "PATCH /api/v1/journeys/{id}": .roles(analysts),
        "DELETE /api/v1/journeys/{id}": .roles(analysts),
        "GET /api/v1/journeys/{id}/report": .roles(everyone),
        "POST /api/v1/journeys/{id}/publish": .roles(analysts),
        "POST /api/v1/journeys/{id}/pause": .roles(analysts),
        "POST /api/v1/journeys/{id}/resume": .roles(analysts),
        "POST /api/v1/journeys/{id}/archive": .roles(analysts),
        "POST /api/v1/journeys/{id}/enrolments": .roles(analysts),
        "GET /api/v1/customers/{id}/journeys": .roles(everyone),
        "GET /api/v1/tasks": .roles(everyone),
        "POST /api/v1/tasks": .roles(support),
        "GET /api/v1/tasks/{id}": .roles(everyone),
        "PATCH /api/v1/tasks/{id}": .roles(support),
        // Alerts are each user's own: every role has them.
        "GET /api/v1/alerts": .roles(everyone),
        "PATCH /api/v1/alerts/{id}": .roles(everyone),
        "POST /api/v1/alerts/read": .roles(everyone),
        // Sales: everyone reads pipelines and deals; reps work deals; managers shape pipelines.
        "GET /api/v1/pipelines": .roles(everyone),
        "POST /api/v1/pipelines": .roles(managers),
        "GET /api/v1/pipelines/{id}": .roles(everyone),
        "PATCH /api/v1/pipelines/{id}": .roles(managers),
        "DELETE /api/v1/pipelines/{id}": .roles(managers),
        "GET /api/v1/pipelines/{id}/board": .roles(everyone),
        "GET /api/v1/deals": .roles(everyone),
        "POST /api/v1/deals": .roles(support),
        "GET /api/v1/deals/{id}": .roles(everyone),
        "PATCH /api/v1/deals/{id}": .roles(support),
        "DELETE /api/v1/deals/{id}": .roles(support),
        "GET /api/v1/deals/{id}/moves": .roles(everyone),
        // Everyone reads companies and leads; the reps, managers and admins work them.
        "GET /api/v1/companies": .roles(everyone),
        "POST /api/v1/companies": .roles(support),
        "GET /api/v1/companies/{id}": .roles(everyone),
        "PATCH /api/v1/companies/{id}": .roles(support),
        "DELETE /api/v1/companies/{id}": .roles(support),
        "GET /api/v1/companies/{id}/people": .roles(everyone),
        "POST /api/v1/companies/{id}/people": .roles(support),
        "DELETE /api/v1/companies/{id}/people/{customer_id}": .roles(support),
        "GET /api/v1/leads": .roles(everyone),
        "POST /api/v1/leads": .roles(support),
        "GET /api/v1/leads/{id}": .roles(everyone),
        "PATCH /api/v1/leads/{id}": .roles(support),
        "POST /api/v1/leads/{id}/convert": .roles(support),
        "GET /api/v1/leads/{id}/score": .roles(everyone),
        // Everyone who sees sales reads the scoring rules; admins, managers and marketers set them.
        "GET /api/v1/lead_scoring/rules": .roles(everyone),
        "POST /api/v1/lead_scoring/rules": .roles(analysts),
        "PATCH /api/v1/lead_scoring/rules/{id}": .roles(analysts),
        "DELETE /api/v1/lead_scoring/rules/{id}": .roles(analysts),
        "GET /api/v1/lead_scoring/settings": .roles(everyone),
        "PUT /api/v1/lead_scoring/settings": .roles(analysts),
        "GET /api/v1/meetings": .roles(everyone),
        "POST /api/v1/meetings": .roles(support),
        "GET /api/v1/meetings/{id}": .roles(everyone),
        "PATCH /api/v1/meetings/{id}": .roles(support),
        // Anyone makes, lists and revokes their own calendar feed (admins and managers anyone's).
        "GET /api/v1/calendar_feeds": .roles(everyone),
        "POST /api/v1/calendar_feeds": .roles(everyone),
        "DELETE /api/v1/calendar_feeds/{id}": .roles(everyone),
        // Everyone sees the programme and balances; marketing shapes the programme, those who
        // talk to customers spend points for them, managers give points by hand.
        "GET /api/v1/loyalty/program": .roles(everyone),
        "PUT /api/v1/loyalty/program": .roles(analysts),
        "GET /api/v1/loyalty/totals": .roles(everyone),
        "GET /api/v1/customers/{id}/loyalty": .roles(everyone),
        "POST /api/v1/customers/{id}/loyalty/redemptions": .roles(support),
        "POST /api/v1/customers/{id}/loyalty/adjustments": .roles(managers),
        "GET /api/v1/customers/{id}/loyalty/rewards": .roles(everyone),
        "POST /api/v1/customers/{id}/loyalty/rewards": .roles(support),
        // Everyone reads reviews; those who shape the shop's public face take, moderate and answer them.
        "GET /api/v1/products/{id}/reviews": .roles(everyone),
        "POST /api/v1/products/{id}/reviews": .roles(analysts),
        "GET /api/v1/reviews": .roles(everyone),
        "GET /api/v1/reviews/settings": .roles(everyone),
        "PUT /api/v1/reviews/settings": .roles(analysts),
        "GET /api/v1/reviews/{id}": .roles(everyone),
        "POST /api/v1/reviews/{id}/approve": .roles(analysts),
        "POST /api/v1/reviews/{id}/reject": .roles(analysts),
        "POST /api/v1/reviews/{id}/reply": .roles(analysts),
        // A product's approved reviews are public, like help articles.
        "GET /reviews/{workspace}/{product}": .open,
        "GET /reviews/{workspace}/{product}/data": .open,
        // The shop's product snippet and an active product's 3D files, fetched by visitors' phones.
        "GET /product.js": .open,
        // The form snippet and a live form's questions are public; its answers come with a write key.
        "GET /form.js": .open,
        "GET /f/{workspace}/{form}": .open,
        "POST /v1/forms/{form}/responses": .ownCredentials,
        "OPTIONS /v1/forms/{form}/responses": .open,
        // Everyone reads forms and their answers (customers' words); marketing builds them.
        "GET /api/v1/forms": .roles(everyone),
        "POST /api/v1/forms": .roles(analysts),
        "GET /api/v1/forms/{id}": .roles(everyone),
        "PUT /api/v1/forms/{id}": .roles(analysts),
        "DELETE /api/v1/forms/{id}": .roles(analysts),
        "GET /api/v1/forms/{id}/responses": .roles(everyone),
        "GET /forms": .roles(everyone),
        "POST /forms": .roles(analysts),
        "GET /forms/{id}": .roles(everyone),
        "POST /forms/{id}": .roles(analysts),
        "POST /forms/{id}/questions": .roles(analysts),
        "POST /forms/{id}/questions/{key}/remove": .roles(analysts),
        "POST /forms/{id}/questions/{key}/up": .roles(analysts),
        "POST /forms/{id}/results": .roles(analysts),
        "POST /forms/{id}/results/{key}/remove": .roles(analysts),
        "POST /forms/{id}/delete": .roles(analysts),
        "GET /media/{workspace}/{product}/model.glb": .open,
        "GET /media/{workspace}/{product}/model.usdz": .open,
        // Everyone who talks with customers sends and reads surveys; those who see the store's
        // figures read them and decide when surveys go.
        "GET /api/v1/surveys/settings": .roles(everyone),
        "PUT /api/v1/surveys/settings": .roles(analysts),
        "GET /api/v1/surveys/figures": .roles(analysts),
        "POST /api/v1/surveys": .roles(everyone),
        "GET /api/v1/surveys": .roles(everyone),
        "GET /api/v1/surveys/{id}": .roles(everyone),
        // Everyone reads referrals; those who run the loyalty programme set its rewards; a
        // referral earns points, so managers (and the shop's backend, with its key) record and
        // review them.
        "GET /api/v1/referrals/program": .roles(everyone),
        "PUT /api/v1/referrals/program": .roles(analysts),
        "GET /api/v1/customers/{id}/referral": .roles(everyone),
        "POST /api/v1/referrals": .roles(managers),
        "GET /api/v1/referrals": .roles(everyone),
        "GET /api/v1/referrals/{id}": .roles(everyone),
        "POST /api/v1/referrals/{id}/approve": .roles(managers),
        "POST /api/v1/referrals/{id}/reject": .roles(managers),
        // A survey's page: its signed link is the credential.
        "GET /survey/{survey_id}/{signature}": .ownCredentials,
        "POST /survey/{survey_id}/{signature}": .ownCredentials,
        // A review request's page: its signed link is the credential.
        "GET /review/{workspace}/{order}/{expires}/{signature}": .ownCredentials,
        "POST /review/{workspace}/{order}/{expires}/{signature}": .ownCredentials,
        "GET /journeys": .roles(everyone),
        "GET /sales": .roles(everyone),
        "POST /sales/deals/{id}/move": .roles(support),
        "GET /sales/day": .roles(everyone),
        "GET /sales/dashboard": .roles(managers),
        "GET /sales/deals/{id}": .roles(everyone),
        "GET /sales/deals": .roles(everyone),
        "GET /sales/leads": .roles(everyone),
        "POST /sales/tasks/{id}/done": .roles(support),
        "POST /journeys/from_template": .roles(analysts),
        "GET /journeys/{id}": .roles(everyone),
        "POST /journeys/{id}/publish": .roles(analysts),
        "POST /journeys/{id}/pause": .roles(analysts),
        "POST /journeys/{id}/resume": .roles(analysts),
        "POST /journeys/{id}/archive": .roles(analysts),
        "POST /journeys/new": .roles(analysts),
        "POST /journeys/{id}/settings": .roles(analysts),
        "POST /journeys/{id}/steps": .roles(analysts),
        "POST /journeys/{id}/steps/{key}": .roles(analysts),
        "POST /journeys/{id}/steps/{key}/remove": .roles(analysts),
        "GET /campaigns": .roles(everyone),
        "GET /campaigns/new": .roles(analysts),
        "POST /campaigns": .roles(analysts),
        "GET /campaigns/{id}": .roles(everyone),
        "GET /campaigns/{id}/preview": .roles(everyone),
        "POST /campaigns/{id}/send": .roles(analysts),
        "POST /campaigns/{id}/pause": .roles(analysts),
        "POST /campaigns/{id}/resume": .roles(analysts),
        "POST /campaigns/{id}/cancel": .roles(analysts),
        "POST /campaigns/{id}/winner": .roles(analysts),
        "POST /campaigns/{id}/test": .roles(analysts),
        "POST /campaigns/{id}/link_check": .roles(analysts),
        "POST /campaigns/{id}/delete": .roles(analysts),

        // Conversations and their set-up
        "GET /api/v1/conversations": .roles(support),
        "POST /api/v1/conversations": .roles(support),
        "GET /api/v1/conversations/{id}": .roles(support),
        "GET /api/v1/conversations/{id}/messages": .roles(support),
        "POST /api/v1/conversations/{id}/messages": .roles(support),
        "POST /api/v1/conversations/{id}/assign": .roles(support),
        "POST /api/v1/conversations/{id}/unassign": .roles(support),
        "POST /api/v1/conversations/{id}/resolve": .roles(support),
        "POST /api/v1/conversations/{id}/reopen": .roles(support),
        "POST /api/v1/conversations/{id}/snooze": .roles(support),
        "POST /api/v1/conversations/{id}/labels": .roles(support),
        "POST /api/v1/conversations/{id}/priority": .roles(support),
        "GET /api/v1/live": .roles(support),
        "GET /api/v1/inboxes": .roles(everyone),
        "POST /api/v1/inboxes": .roles(admins),
        // A WhatsApp inbox's message templates, for writing campaigns: those who write them
        "GET /api/v1/inboxes/{id}/whatsapp_templates": .roles(analysts),
        "GET /api/v1/agents": .roles(everyone),
        "POST /api/v1/agents": .roles(admins),
        "POST /api/v1/agents/{id}/availability": .roles(support),
        "GET /api/v1/teams": .roles(everyone),
        "POST /api/v1/teams": .roles(managers),
        "POST /api/v1/teams/{id}/members": .roles(managers),
        "GET /api/v1/canned_responses": .roles(everyone),
        "POST /api/v1/canned_responses": .roles(managers),
        "GET /api/v1/routing_rules": .roles(everyone),
        "POST /api/v1/routing_rules": .roles(managers),
        "GET /api/v1/sla_policies": .roles(everyone),
        "POST /api/v1/sla_policies": .roles(managers),
        "GET /inbox": .roles(support),
        "GET /inbox/list": .roles(support),
        "GET /inbox/{id}": .roles(support),
        "GET /inbox/{id}/thread": .roles(support),
        "POST /inbox/{id}/messages": .roles(support),
        "POST /inbox/{id}/actions": .roles(support),
        "GET /dashboard": .roles(managers),

        // The bot
        "GET /bot": .roles(managers),
        "POST /bot/settings": .roles(managers),
        "POST /bot/try": .roles(managers),
        "POST /bot/intents": .roles(managers),
        "POST /bot/intents/restore": .roles(managers),
        "GET /bot/intents/{name}": .roles(managers),
        "POST /bot/intents/{name}": .roles(managers),
        "POST /bot/articles": .roles(managers),
        "GET /bot/articles/new": .roles(managers),
        "GET /bot/articles/{id}": .roles(managers),
        "POST /bot/articles/{id}": .roles(managers),

        // The signed-in user's own account, and the workspace's settings
        "POST /logout": .roles(everyone),
        "POST /logout/everywhere": .roles(everyone),
        "GET /account": .roles(everyone),
        "POST /account/password": .roles(everyone),
        "GET /settings": .roles(managers),
        "POST /settings/users": .roles(admins),
        "POST /settings/users/role": .roles(admins),
        "POST /settings/users/password": .roles(admins),
        "POST /settings/users/active": .roles(admins),
        "POST /settings/teams": .roles(managers),
        "POST /settings/teams/members": .roles(managers),
        "POST /settings/inboxes": .roles(admins),
        "POST /settings/inboxes/update": .roles(admins),
        "POST /settings/keys": .roles(admins),
        "POST /settings/keys/revoke": .roles(admins),
        "POST /settings/sources": .roles(admins),
        "POST /settings/sources/secret": .roles(admins),
        "POST /settings/sources/delete": .roles(admins),
        "POST /settings/canned": .roles(managers),
        "POST /settings/sla": .roles(managers),
        "POST /settings/webhooks": .roles(admins),
        "POST /settings/webhooks/delete": .roles(admins),
    ]

    /// Routes that stream until the client leaves: only their refusals are checked here (the
    /// live and web-chat tests read what they stream).
    static let streams: Set<String> = ["GET /api/v1/live", "GET /chat/{inbox_id}/stream"]

    /// A signed-in user of one role: the cookie and the CSRF token their pages carry.
    struct SignedInRole {
        var role: UserRole
        var cookie: String
        var csrf: String
    }

    @Test("every registered route has a row, and each role gets exactly what its row says", arguments: TestDatabase.available)
    func matrix(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let fixtures = try await RouteFixtures.make(api)
            var users: [SignedInRole] = []
            for role in UserRole.allCases {
                let email = "\(role.rawValue)@matrix.test"
                _ = try await api.services.users.create(
                    email: email, name: role.rawValue, role: role, password: "matrix-password-1", teamIDs: [fixtures.teamID],
                    as: .operator(workspaceID: api.workspaceID))
                let signedIn = try await api.services.users.signIn(email: email, password: "matrix-password-1")
                users.append(SignedInRole(role: role, cookie: "rapport_session=\(signedIn.token)", csrf: signedIn.session.csrfToken))
            }
            let registered = Set(api.routes)
            for route in Self.table.keys where !registered.contains(route) {
                Issue.record("the table has a row for \(route), which is not registered")
            }
            // Deletions last, so the other routes find what they name.
            let ordered = api.routes.sorted { ($0.hasPrefix("DELETE") ? 1 : 0, $0) < ($1.hasPrefix("DELETE") ? 1 : 0, $1) }
            for route in ordered where !route.hasSuffix("/logout") && !route.hasSuffix("/logout/everywhere") {
                guard let rule = Self.table[route] else {
                    Issue.record("\(route) has no row in the route × role table: say who may call it")
                    continue
                }
                try await check(route, rule: rule, users: users, fixtures: fixtures, api: api)
            }
        }
    }

    private func check(_ route: String, rule: Rule, users: [SignedInRole], fixtures: RouteFixtures, api: APIHarness) async throws {
        let parts = route.split(separator: " ", maxSplits: 1)
        let method = HTTPRequest.Method(String(parts[0]))!
        let path = fixtures.fill(String(parts[1]))
        switch rule {
        case .open:
            let status = try await call(api, method, path, as: nil)
            #expect(status.code < 500 && status != .unauthorized && status != .forbidden, "\(route) without credentials: \(status)")
        case .ownCredentials:
            let status = try await call(api, method, path, as: nil)
            #expect([400, 401, 403, 404, 422].contains(status.code), "\(route) without its credentials must refuse: \(status)")
        case .roles(let allowed):
            let status = try await call(api, method, path, as: nil)
            #expect(status == .unauthorized || (status.code >= 300 && status.code < 400), "\(route) signed out: \(status)")
            // Those refused first, so a permitted change cannot hide a missing check.
            for user in users.sorted(by: { allowed.contains($0.role) == allowed.contains($1.role) ? $0.role.rawValue < $1.role.rawValue : !allowed.contains($0.role) }) {
                if allowed.contains(user.role), Self.streams.contains(route) { continue }
                let status = try await call(api, method, path, as: user)
                if allowed.contains(user.role) {
                    #expect(status != .unauthorized && status != .forbidden && status.code < 500, "\(route) as \(user.role.rawValue): \(status)")
                } else {
                    #expect(status == .forbidden, "\(route) as \(user.role.rawValue) must be refused with 403: \(status)")
                }
            }
        }
    }

    private func call(_ api: APIHarness, _ method: HTTPRequest.Method, _ path: String, as user: SignedInRole?) async throws -> HTTPResponse.Status {
        var headers = HTTPFields()
        var body = ByteBuffer()
        if let user {
            headers[.cookie] = user.cookie
            headers[HTTPField.Name("X-CSRF-Token")!] = user.csrf
        }
        if path.hasPrefix("/api/") || path.hasPrefix("/v1/") || path.hasPrefix("/chat/") {
            headers[.contentType] = "application/json"
            if method != .get && method != .delete && method != .options { body = ByteBuffer(string: "{}") }
        } else if method == .post {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: "_csrf=\(user?.csrf ?? "")")
        }
        let response = try await api.client.execute(uri: path, method: method, headers: headers, body: body)
        return response.status
    }
}
