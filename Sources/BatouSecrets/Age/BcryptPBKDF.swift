import Crypto

/// OpenBSD's `bcrypt_pbkdf`: the key derivation with which OpenSSH turns a passphrase into the
/// key and IV that encrypt a private key file.
///
/// ```swift
/// let keyAndIV = BcryptPBKDF.derive(count: 48, passphrase: Array("secret".utf8), salt: salt, rounds: 16)
/// ```
///
/// PBKDF2 in shape, with bcrypt's hash of SHA-512 digests as the pseudo-random function, and
/// the output spread over the key: byte `i` of block `b` lands at `i * blocks + b`.
enum BcryptPBKDF {
    /// The hash's output size in bytes.
    private static let hashSize = 32

    /// `count` bytes derived from `passphrase` and `salt`; `nil` when one of them is empty,
    /// `rounds` is not positive or `count` is not in 1…1024, which OpenSSH refuses too.
    static func derive(count: Int, passphrase: [UInt8], salt: [UInt8], rounds: Int) -> [UInt8]? {
        guard !passphrase.isEmpty, !salt.isEmpty, rounds > 0, (1...hashSize * hashSize).contains(count) else {
            return nil
        }
        let blocks = (count + hashSize - 1) / hashSize
        let passphraseDigest = Array(SHA512.hash(data: passphrase))
        var key = [UInt8](repeating: 0, count: count)
        for block in 0..<blocks {
            let counter = UInt32(block + 1)
            let counterBytes = (0..<4).map { UInt8(truncatingIfNeeded: counter >> (24 - 8 * $0)) }
            var output = hash(passphraseDigest, Array(SHA512.hash(data: salt + counterBytes)))
            var accumulated = output
            for _ in 1..<rounds {
                output = hash(passphraseDigest, Array(SHA512.hash(data: output)))
                for index in accumulated.indices {
                    accumulated[index] ^= output[index]
                }
            }
            for (index, byte) in accumulated.enumerated() where index * blocks + block < count {
                key[index * blocks + block] = byte
            }
        }
        return key
    }

    /// bcrypt's hash of two SHA-512 digests: "OxychromaticBlowfishSwatDynamite" encrypted 64
    /// times under a Blowfish state expanded from both, its words written little-endian.
    private static func hash(_ passphraseDigest: [UInt8], _ saltDigest: [UInt8]) -> [UInt8] {
        var cipher = Blowfish()
        cipher.expand(key: passphraseDigest, data: saltDigest)
        for _ in 0..<64 {
            cipher.expand(key: saltDigest)
            cipher.expand(key: passphraseDigest)
        }
        var words = Blowfish.WordStream(Array("OxychromaticBlowfishSwatDynamite".utf8))
        var text = (0..<hashSize / 4).map { _ in words.next() }
        for _ in 0..<64 {
            for index in stride(from: 0, to: text.count, by: 2) {
                var (left, right) = (text[index], text[index + 1])
                cipher.encrypt(&left, &right)
                (text[index], text[index + 1]) = (left, right)
            }
        }
        return text.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
    }
}
