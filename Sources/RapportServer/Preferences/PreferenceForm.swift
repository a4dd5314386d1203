import RapportCore

/// The preference centre's form: the boxes ticked (`purpose:channel`, repeated), how often,
/// a pause in days, and the page's language.
struct PreferenceForm: Decodable {
    let grant: [String]?
    let frequency: ContactFrequency?
    let pauseDays: Int?
    let lang: String?
}
