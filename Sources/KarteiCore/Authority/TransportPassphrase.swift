import KarteiCrypto

/// A one-time passphrase for a PKCS#12 bundle: 100 random bits, five groups of four characters.
public enum TransportPassphrase {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    public static func generate() throws -> String {
        let characters = try (0..<20).map { _ in alphabet[Int(try SecureRandom.uniform(UInt64(alphabet.count)))] }
        return stride(from: 0, to: 20, by: 4).map { String(characters[$0..<($0 + 4)]) }.joined(separator: "-")
    }
}
