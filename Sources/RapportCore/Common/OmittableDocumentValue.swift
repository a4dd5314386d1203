/// A value whose key `JSONDocumentEncoder` leaves out of the document.
protocol OmittableDocumentValue {
    var isOmitted: Bool { get }
}
