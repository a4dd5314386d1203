import RapportCore

/// `GET`/`PUT /api/v1/reviews/settings`: which reviews approve themselves, and the words that
/// hold one for a person.
struct ReviewSettingsResponse: Encodable {
    let object = "review_settings"
    let autoApprove: Bool
    let minimumRating: Int
    let verifiedOnly: Bool
    let holdLinks: Bool
    let holdPhotos: Bool
    let flaggedWords: [String]

    init(_ settings: ReviewSettings) {
        autoApprove = settings.autoApprove
        minimumRating = settings.minimumRating
        verifiedOnly = settings.verifiedOnly
        holdLinks = settings.holdLinks
        holdPhotos = settings.holdPhotos
        flaggedWords = settings.flaggedWords
    }
}
