/// What a role may do. Admins manage users, keys, channels, shops and outgoing webhooks, erase
/// customers and read the audit log; managers also set up teams, canned responses, routing,
/// SLA policies and the bot, see the dashboard, delete customers, export what Rapport holds on
/// one and refund returns; agents work conversations and change orders (as the bot does);
/// marketers see customers, segments and insights but no conversation contents, and build
/// segments and export their members (as admins and managers do; everyone sees them), and
/// build campaigns and journeys (as admins and managers do; everyone sees them); agents,
/// managers and admins work tasks (everyone sees them); admins, managers and marketers shape
/// the loyalty programme, admins and managers give points by hand, and all but marketers spend
/// a customer's points for them (everyone sees balances); admins, managers and marketers
/// take, moderate and answer product reviews (everyone reads them). Everyone may edit
/// customers' profiles and merge duplicates (every merge can be undone).
public enum Permission: Sendable, CaseIterable {
    case readConversations
    case workConversations
    case manageUsers
    case manageKeys
    case manageChannels
    case manageWebhooks
    case manageTeamSetup
    case viewDashboard
    case manageBot
    case viewInsights
    case editCustomers
    case deleteCustomers
    case mergeCustomers
    case changeOrders
    case refundOrders
    case manageSources
    case refreshInsights
    case exportCustomerData
    case eraseCustomers
    case viewAuditLog
    case viewSegments
    case manageSegments
    case exportSegmentMembers
    case viewCampaigns
    case manageCampaigns
    case viewJourneys
    case manageJourneys
    case viewTasks
    case workTasks
    case manageLoyalty
    case adjustPoints
    case redeemPoints
    case moderateReviews
    case viewSurveys
    case sendSurveys
    case manageSurveys
    case recordReferrals
    case viewForms
    case manageForms
    case viewSales
    case workDeals
    case managePipelines
    case workLeads
    case manageLeadScoring

    public var roles: Set<UserRole> {
        switch self {
        case .readConversations, .workConversations: [.admin, .manager, .agent]
        case .manageUsers, .manageKeys, .manageChannels, .manageWebhooks: [.admin]
        case .manageTeamSetup, .viewDashboard, .manageBot: [.admin, .manager]
        case .viewInsights: [.admin, .manager, .marketer]
        case .editCustomers: [.admin, .manager, .agent, .marketer]
        case .deleteCustomers: [.admin, .manager]
        case .mergeCustomers: [.admin, .manager, .agent, .marketer]
        case .changeOrders: [.admin, .manager, .agent]
        case .refundOrders: [.admin, .manager]
        case .manageSources: [.admin]
        case .refreshInsights: [.admin, .manager]
        case .exportCustomerData: [.admin, .manager]
        case .eraseCustomers, .viewAuditLog: [.admin]
        case .viewSegments: [.admin, .manager, .agent, .marketer]
        case .manageSegments: [.admin, .manager, .marketer]
        // Many customers' names, e-mail addresses and phone numbers at once, for campaigns:
        // those who build segments, not agents (who may page through a segment's members).
        case .exportSegmentMembers: [.admin, .manager, .marketer]
        // Agents answer the replies a campaign brings: they may read what it said.
        case .viewCampaigns: [.admin, .manager, .agent, .marketer]
        case .manageCampaigns: [.admin, .manager, .marketer]
        // Journeys span marketing and service (a task, a note for a team): everyone sees them.
        case .viewJourneys: [.admin, .manager, .agent, .marketer]
        case .manageJourneys: [.admin, .manager, .marketer]
        // Tasks are the team's to-do list (a VIP's welcome call): everyone sees them; those who
        // talk to customers make, change and complete them.
        case .viewTasks: [.admin, .manager, .agent, .marketer]
        case .workTasks: [.admin, .manager, .agent]
        // The programme is marketing's to shape; giving points by hand is a manager's (it is
        // money); spending them for a customer is also an agent's (the customer asked).
        case .manageLoyalty: [.admin, .manager, .marketer]
        case .adjustPoints: [.admin, .manager]
        case .redeemPoints: [.admin, .manager, .agent]
        // Reviews are the shop's public face: those who shape it take, moderate and answer them.
        case .moderateReviews: [.admin, .manager, .marketer]
        case .viewSurveys, .sendSurveys: [.admin, .manager, .agent, .marketer]
        case .manageSurveys: [.admin, .manager, .marketer]
        case .recordReferrals: [.admin, .manager]
        // Forms and quizzes are marketing's; their answers are customers' words, which those who
        // talk to customers may read too.
        case .viewForms: [.admin, .manager, .agent, .marketer]
        case .manageForms: [.admin, .manager, .marketer]
        // Sales (ADR 0015): everyone sees the pipelines and deals; the reps (agents), managers
        // and admins work deals (an agent only their own, their team's or unowned ones); managers
        // and admins shape the pipelines.
        case .viewSales: [.admin, .manager, .agent, .marketer]
        case .workDeals: [.admin, .manager, .agent]
        case .managePipelines: [.admin, .manager]
        // Leads and companies are the reps' to work as deals are (an agent their own, their
        // team's or unheld ones); marketers read them.
        case .workLeads: [.admin, .manager, .agent]
        // What makes a lead hot is marketing's call as much as sales' (ADR 0015).
        case .manageLeadScoring: [.admin, .manager, .marketer]
        }
    }

    func refusal(for role: UserRole) -> String {
        let what = switch self {
        case .readConversations: "read conversations"
        case .workConversations: "reply in or change conversations"
        case .manageUsers: "manage users"
        case .manageKeys: "manage API and write keys"
        case .manageChannels: "manage inboxes and channel credentials"
        case .manageWebhooks: "manage outgoing webhooks"
        case .manageTeamSetup: "change teams, canned responses, routing rules or SLA policies"
        case .viewDashboard: "see the team dashboard"
        case .manageBot: "set up the bot, its intents or the help articles"
        case .viewInsights: "see the store's insights"
        case .editCustomers: "change customers"
        case .deleteCustomers: "delete or restore customers"
        case .mergeCustomers: "merge or unmerge customers"
        case .changeOrders: "change orders, fulfilments or returns"
        case .refundOrders: "refund returns"
        case .manageSources: "connect, rotate or remove shops"
        case .refreshInsights: "recompute every insight now"
        case .exportCustomerData: "export everything Rapport holds on a customer"
        case .eraseCustomers: "erase a customer for good"
        case .viewAuditLog: "read or export the audit log"
        case .viewSegments: "see segments"
        case .manageSegments: "create, change or delete segments and lists"
        case .exportSegmentMembers: "export a segment's members"
        case .viewCampaigns: "see campaigns"
        case .manageCampaigns: "create, change or delete campaigns"
        case .viewJourneys: "see journeys"
        case .manageJourneys: "create, change, publish or stop journeys"
        case .viewTasks: "see tasks"
        case .workTasks: "create, change or complete tasks"
        case .manageLoyalty: "change the loyalty programme"
        case .adjustPoints: "give or take loyalty points by hand"
        case .redeemPoints: "spend a customer's loyalty points"
        case .moderateReviews: "take, approve, reject or answer product reviews"
        case .viewSurveys: "see surveys and their answers"
        case .sendSurveys: "send a survey"
        case .manageSurveys: "change when surveys are sent"
        case .recordReferrals: "record a referral or review one (it can earn loyalty points)"
        case .viewForms: "see forms, quizzes and their answers"
        case .manageForms: "create, change or delete forms and quizzes"
        case .viewSales: "see pipelines and deals"
        case .workDeals: "create, move or change deals"
        case .managePipelines: "create, change or delete pipelines"
        case .workLeads: "create, change or convert leads, or change companies"
        case .manageLeadScoring: "change the lead scoring rules or the hot score"
        }
        return "A\(role == .admin || role == .agent ? "n" : "") \(role.rawValue) may not \(what)."
    }
}
