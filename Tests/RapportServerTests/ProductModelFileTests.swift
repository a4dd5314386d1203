import RapportCore
import RapportTestSupport
import Testing

@Suite("3D files: what a product may carry")
struct ProductModelFileTests {
    @Test("a glTF 2.0 binary and a USDZ package laid out as their specifications say are taken")
    func wellFormed() {
        #expect(ProductModelFile.problem(in: ModelFileSamples.glb(), as: .glb) == nil)
        #expect(ProductModelFile.problem(in: ModelFileSamples.usdz(), as: .usdz) == nil)
        let texture: [UInt8] = [0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 7, count: 100)
        #expect(ProductModelFile.problem(in: ModelFileSamples.usdz(files: [("scene.usdc", Array("PXR-USDC".utf8)), ("0/texture.png", texture)]), as: .usdz) == nil)
    }

    @Test("a file that is not what it claims, is damaged, or is too big is refused with the reason")
    func refused() {
        func problem(_ bytes: [UInt8], _ format: ProductModelFormat) -> String { ProductModelFile.problem(in: bytes, as: format) ?? "taken" }
        #expect(problem([], .glb) == "The file is empty.")
        #expect(problem(ModelFileSamples.usdz(), .glb).contains("not a glTF binary"))
        #expect(problem(ModelFileSamples.glb(version: 1), .glb).contains("glTF 2.0"))
        #expect(problem(ModelFileSamples.glb(extraBytes: 3), .glb).contains("truncated or has bytes appended"))
        #expect(problem(Array(ModelFileSamples.glb().dropLast(4)), .glb).contains("truncated"))
        #expect(problem(ModelFileSamples.glb(json: #"{"scenes":[]}"#), .glb).contains("asset version"))
        #expect(problem(ModelFileSamples.glb(json: #"{"asset":{"version":"1.0"}}"#), .glb).contains("(the asset says 1.0)"))
        #expect(problem(ModelFileSamples.glb(), .usdz).contains("not a USDZ package"))
        #expect(problem(ModelFileSamples.usdz(files: [("texture.png", [1, 2, 3])]), .usdz).contains("must be a USD layer"))
        #expect(problem(ModelFileSamples.usdz(compressed: true), .usdz).contains("is compressed"))
        #expect(problem(ModelFileSamples.usdz(aligned: false), .usdz).contains("64-byte boundary"))
        #expect(problem(Array(ModelFileSamples.usdz().dropLast(30)), .usdz).contains("no readable zip directory"))
        let big = ModelFileSamples.glb(extraBytes: ProductModelFile.maximumBytes)
        #expect(problem(big, .glb).contains("at most \(ProductModelFile.maximumBytes) are taken"))
    }

    @Test("every truncation and every changed byte of a valid file is answered without a trap, and damage to the headers is refused")
    func damagedFiles() {
        for format in ProductModelFormat.allCases {
            let whole = format == .glb ? ModelFileSamples.glb() : ModelFileSamples.usdz(files: [("a.usdc", [1, 2, 3]), ("b.png", [4, 5])])
            for length in 0..<whole.count {
                #expect(ProductModelFile.problem(in: Array(whole.prefix(length)), as: format) != nil, "\(format) cut to \(length) bytes")
            }
            for index in whole.indices {
                for value: UInt8 in [0x00, 0x7F, 0xFF] {
                    var changed = whole
                    changed[index] = value
                    _ = ProductModelFile.problem(in: changed, as: format)
                }
            }
        }
        func glb(jsonLength: UInt32) -> [UInt8] {
            var bytes = ModelFileSamples.glb()
            for shift in 0..<4 { bytes[12 + shift] = UInt8((jsonLength >> (8 * UInt32(shift))) & 0xFF) }
            return bytes
        }
        #expect(ProductModelFile.problem(in: glb(jsonLength: 0), as: .glb)?.contains("JSON") == true)
        #expect(ProductModelFile.problem(in: glb(jsonLength: 0xFFFF_FFFF), as: .glb)?.contains("JSON") == true)
        // The zip's end record (the last 22 bytes) pointing past the file, or listing more entries than there are.
        var usdz = ModelFileSamples.usdz()
        let end = usdz.count - 22
        var pastTheEnd = usdz
        pastTheEnd[end + 16] = 0xFF
        pastTheEnd[end + 19] = 0x7F
        #expect(ProductModelFile.problem(in: pastTheEnd, as: .usdz) != nil)
        usdz[end + 10] = 9
        #expect(ProductModelFile.problem(in: usdz, as: .usdz)?.contains("directory is damaged") == true)
    }

    @Test("an upload's Content-Type may be the format's own or a generic file's, nothing else")
    func contentTypes() {
        #expect(ProductModelFormat.glb.accepts(contentType: "model/gltf-binary"))
        #expect(ProductModelFormat.glb.accepts(contentType: "Application/Octet-Stream; charset=binary"))
        #expect(!ProductModelFormat.glb.accepts(contentType: "model/vnd.usdz+zip"))
        #expect(ProductModelFormat.usdz.accepts(contentType: "model/vnd.usdz+zip"))
        #expect(!ProductModelFormat.usdz.accepts(contentType: "application/json"))
        #expect(!ProductModelFormat.usdz.accepts(contentType: ""))
    }
}
