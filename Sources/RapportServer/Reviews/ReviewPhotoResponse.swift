import RapportCore

/// A review's photo as the API and the public JSON show it.
struct ReviewPhotoResponse: Encodable {
    let url: String
    let width: Int?
    let height: Int?
    let alt: String?

    init(_ photo: ReviewPhoto) {
        url = photo.url
        width = photo.width
        height = photo.height
        alt = photo.alt
    }
}
