/// Bech32 (BIP 173), the encoding of age's recipients (`age1…`) and identities
/// (`AGE-SECRET-KEY-1…`).
enum Bech32 {
    private static let alphabet = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l")

    /// `data` under the human-readable part `prefix`, in lower case.
    static func encode(_ data: [UInt8], prefix: String) -> String {
        let values = convertBits(data, from: 8, to: 5, padding: true) ?? []
        let checksum = self.checksum(prefix: Array(prefix.lowercased().utf8), values: values)
        return prefix.lowercased() + "1" + String((values + checksum).map { alphabet[Int($0)] })
    }

    /// The prefix and bytes of `text`; `nil` unless it is valid Bech32 in one case.
    static func decode(_ text: String) -> (prefix: String, data: [UInt8])? {
        guard text == text.lowercased() || text == text.uppercased() else { return nil }
        let lower = text.lowercased()
        guard let separator = lower.lastIndex(of: "1") else { return nil }
        let prefix = String(lower[..<separator])
        var values: [UInt8] = []
        for character in lower[lower.index(after: separator)...] {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            values.append(UInt8(value))
        }
        guard !prefix.isEmpty, values.count >= 6,
            polymod(expand(Array(prefix.utf8)) + values) == 1,
            let data = convertBits(Array(values.dropLast(6)), from: 5, to: 8, padding: false)
        else { return nil }
        return (prefix, data)
    }

    /// The 32 key bytes of `text`, if it is Bech32 with the human-readable part `prefix`.
    static func key(in text: String, prefix: String) -> [UInt8]? {
        guard let (found, data) = decode(text), found == prefix, data.count == 32 else { return nil }
        return data
    }

    private static func checksum(prefix: [UInt8], values: [UInt8]) -> [UInt8] {
        let modulus = polymod(expand(prefix) + values + [0, 0, 0, 0, 0, 0]) ^ 1
        return (0..<6).map { UInt8((modulus >> (5 * (5 - $0))) & 31) }
    }

    private static func expand(_ prefix: [UInt8]) -> [UInt8] {
        prefix.map { $0 >> 5 } + [0] + prefix.map { $0 & 31 }
    }

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        let generators: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var checksum: UInt32 = 1
        for value in values {
            let top = checksum >> 25
            checksum = (checksum & 0x1ff_ffff) << 5 ^ UInt32(value)
            for (index, generator) in generators.enumerated() where (top >> index) & 1 == 1 {
                checksum ^= generator
            }
        }
        return checksum
    }

    private static func convertBits(_ data: [UInt8], from: Int, to: Int, padding: Bool) -> [UInt8]? {
        var accumulator = 0
        var bits = 0
        var result: [UInt8] = []
        let maximum = (1 << to) - 1
        for value in data {
            guard Int(value) >> from == 0 else { return nil }
            accumulator = (accumulator << from) | Int(value)
            bits += from
            while bits >= to {
                bits -= to
                result.append(UInt8((accumulator >> bits) & maximum))
            }
        }
        if padding {
            if bits > 0 { result.append(UInt8((accumulator << (to - bits)) & maximum)) }
        } else if bits >= from || (accumulator << (to - bits)) & maximum != 0 {
            return nil
        }
        return result
    }
}
