import RapportCore

/// A review's photo as a page shows it (`review_photos.mustache`): a thumbnail linking to the
/// image. Names of its own, so that nothing falls through to the page around it.
struct ReviewPhotoView: Encodable {
    let photoURL: String
    let photoAlt: String

    init(_ photo: ReviewPhoto) {
        photoURL = photo.url
        photoAlt = photo.alt ?? "A customer's photo"
    }
}
