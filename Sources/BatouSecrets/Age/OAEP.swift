import Crypto

/// RSA-OAEP's encoding with SHA-256 and MGF1-SHA-256 (RFC 8017, 7.1), with a label: age's
/// `ssh-rsa` stanza needs the label, which swift-crypto's RSA-OAEP does not take.
///
/// ```swift
/// let encoded = try OAEP.encode(fileKey, label: label, length: 256)
/// #expect(OAEP.decode(encoded, label: label) == fileKey)
/// ```
enum OAEP {
    private static let hashLength = SHA256.byteCount

    /// `message` padded to `length` bytes (the modulus's), with a random seed.
    static func encode(_ message: [UInt8], label: String, length: Int) throws(AgeError) -> [UInt8] {
        guard message.count <= length - 2 * hashLength - 2 else {
            throw AgeError("The RSA key is too small to wrap an age file key.")
        }
        let padding = [UInt8](repeating: 0, count: length - message.count - 2 * hashLength - 2)
        var block = Array(SHA256.hash(data: Array(label.utf8))) + padding + [1] + message
        var seed = Age.randomBytes(hashLength)
        xor(&block, mask(seed, count: block.count))
        xor(&seed, mask(block, count: hashLength))
        return [0] + seed + block
    }

    /// The message in `encoded`; `nil` when it is not an encoding with `label`.
    ///
    /// Every check is made before the answer is given, so that how long it takes tells
    /// nothing about which one failed.
    static func decode(_ encoded: [UInt8], label: String) -> [UInt8]? {
        guard encoded.count >= 2 * hashLength + 2 else { return nil }
        var seed = Array(encoded[1...hashLength])
        var block = Array(encoded[(hashLength + 1)...])
        xor(&seed, mask(block, count: hashLength))
        xor(&block, mask(seed, count: block.count))
        var invalid = encoded[0]
        for (expected, found) in zip(SHA256.hash(data: Array(label.utf8)), block) {
            invalid |= expected ^ found
        }
        var separator = 0
        var isPadding: UInt8 = 1
        for index in hashLength..<block.count {
            let byte = block[index]
            let isSeparator = isPadding & (byte == 1 ? 1 : 0)
            separator |= index * Int(isSeparator)
            invalid |= isPadding & (byte > 1 ? 1 : 0)
            isPadding &= byte == 0 ? 1 : 0
        }
        guard invalid == 0, separator > 0 else { return nil }
        return Array(block[(separator + 1)...])
    }

    /// MGF1 with SHA-256.
    private static func mask(_ seed: [UInt8], count: Int) -> [UInt8] {
        var mask: [UInt8] = []
        var counter: UInt32 = 0
        while mask.count < count {
            let counterBytes = (0..<4).map { UInt8(truncatingIfNeeded: counter >> (24 - 8 * $0)) }
            mask += SHA256.hash(data: seed + counterBytes)
            counter += 1
        }
        return Array(mask.prefix(count))
    }

    private static func xor(_ bytes: inout [UInt8], _ mask: [UInt8]) {
        for index in bytes.indices {
            bytes[index] ^= mask[index]
        }
    }
}
