import RapportCore

/// What a conversion answers: the lead, converted, and the deal it became.
struct LeadConversionResponse: Encodable {
    let object = "lead_conversion"
    let lead: LeadResponse
    let deal: DealResponse

    init(lead: Lead, deal: Deal) {
        self.lead = LeadResponse(lead)
        self.deal = DealResponse(deal)
    }
}
