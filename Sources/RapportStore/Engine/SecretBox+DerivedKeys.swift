import Crypto
import Foundation

extension SecretBox {
    /// Keys for another use of the installation's secret (signing links, digesting addresses),
    /// derived with HKDF-SHA256 under `info`: the one from the current key, and one from every
    /// key kept, so what was made before a rotation still checks.
    func derivedKeys(info: Data) -> (current: Data, all: [Data]) {
        func derived(_ key: Data) -> Data {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: key), info: info, outputByteCount: 32).withUnsafeBytes { Data($0) }
        }
        return (derived(current), keys.values.map(derived))
    }
}
