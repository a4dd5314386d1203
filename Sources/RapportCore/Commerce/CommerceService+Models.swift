import Foundation

/// Products' 3D files: put by the team (checked by `ProductModelFile`, audited), listed with the
/// product, and served to anyone while the product is active, for the shop's AR and 3D links.
extension CommerceService {
    /// Stores `bytes` as the product's `format` file, replacing the earlier one. `sha256` is the
    /// bytes' digest in hex (the caller's crypto). Needs `changeOrders`, like the catalog.
    public func putModel(
        productID: String, format: ProductModelFormat, bytes: [UInt8], sha256: String, as actor: Actor
    ) async throws -> ProductModel {
        try actor.require(.changeOrders)
        if let problem = ProductModelFile.problem(in: bytes, as: format) { throw RapportError.invalid(field: "file", problem) }
        return try await context.write { transaction in
            let session = transaction.session
            guard try await session.catalog.find(id: productID, workspaceID: actor.workspaceID) != nil else {
                throw RapportError.notFound("No product with id \(productID).")
            }
            let model = ProductModel(
                workspaceID: actor.workspaceID, productID: productID, format: format, byteCount: bytes.count, sha256: sha256,
                uploadedBy: actor.label, uploadedAt: clock.now())
            try await session.productModels.save(model, bytes: Data(bytes))
            try await transaction.audit(
                AuditRecord(.productModelUploaded, subject: .product(productID), details: ["format": format.rawValue, "bytes": String(bytes.count), "sha256": sha256]),
                by: actor)
            return model
        }
    }

    /// The product's 3D files, by format.
    public func models(productID: String, as actor: Actor) async throws -> [ProductModel] {
        try await store.read { session in
            guard try await session.catalog.find(id: productID, workspaceID: actor.workspaceID) != nil else {
                throw RapportError.notFound("No product with id \(productID).")
            }
            return try await session.productModels.list(productID: productID, workspaceID: actor.workspaceID)
        }
    }

    /// Removes the product's `format` file. Needs `changeOrders`.
    public func removeModel(productID: String, format: ProductModelFormat, as actor: Actor) async throws {
        try actor.require(.changeOrders)
        try await context.write { transaction in
            guard try await transaction.session.productModels.delete(productID: productID, format: format, workspaceID: actor.workspaceID) else {
                throw RapportError.notFound("Product \(productID) has no \(format.rawValue) file.")
            }
            try await transaction.audit(AuditRecord(.productModelRemoved, subject: .product(productID), details: ["format": format.rawValue]), by: actor)
        }
    }

    /// A file's description for anyone (the shop's visitors, Scene Viewer fetching it): only an
    /// active product's; anything else is not found, whatever the reason.
    public func publicModel(workspaceID: String, productID: String, format: ProductModelFormat) async throws -> ProductModel {
        guard ResourceID.isValid(workspaceID, prefix: .workspace), ResourceID.isValid(productID, prefix: .product) else {
            throw RapportError.notFound("No such file.")
        }
        let found: ProductModel? = try await store.read { session in
            guard try await session.catalog.find(id: productID, workspaceID: workspaceID)?.active == true else { return nil }
            return try await session.productModels.find(productID: productID, format: format, workspaceID: workspaceID)
        }
        guard let found else { throw RapportError.notFound("No such file.") }
        return found
    }

    /// The bytes of a file `publicModel` described; not found when another upload or a removal
    /// came in between.
    public func publicModelBytes(_ model: ProductModel) async throws -> Data {
        let bytes = try await store.read { session in
            try await session.productModels.bytes(productID: model.productID, format: model.format, sha256: model.sha256, workspaceID: model.workspaceID)
        }
        guard let bytes else { throw RapportError.notFound("No such file.") }
        return bytes
    }
}
