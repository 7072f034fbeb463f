/// The Blowfish block cipher with bcrypt's expensive key schedule ("eksblowfish"): all that
/// ``BcryptPBKDF`` needs.
///
/// ```swift
/// var cipher = Blowfish()
/// cipher.expand(key: Array("key".utf8), data: Array("salt".utf8))
/// var (left, right): (UInt32, UInt32) = (0, 0)
/// cipher.encrypt(&left, &right)
/// ```
///
/// The state starts as the fraction of π (`Blowfish+Tables.swift`) and is changed only by
/// ``expand(key:data:)``.
struct Blowfish {
    /// P1…P18.
    private var subkeys = Blowfish.initialSubkeys
    /// S1…S4, one after the other.
    private var substitutions = Blowfish.initialSubstitutions

    /// Mixes `key` into the subkeys, then replaces the whole state by encrypting a running block
    /// that `data` is mixed into: bcrypt's `Blowfish_expandstate`, or with no `data`,
    /// `Blowfish_expand0state`.
    mutating func expand(key: [UInt8], data: [UInt8] = []) {
        var keyWords = WordStream(key)
        for index in subkeys.indices {
            subkeys[index] ^= keyWords.next()
        }
        var dataWords = WordStream(data)
        var (left, right): (UInt32, UInt32) = (0, 0)
        for index in stride(from: 0, to: subkeys.count, by: 2) {
            left ^= dataWords.next()
            right ^= dataWords.next()
            encrypt(&left, &right)
            subkeys[index] = left
            subkeys[index + 1] = right
        }
        for index in stride(from: 0, to: substitutions.count, by: 2) {
            left ^= dataWords.next()
            right ^= dataWords.next()
            encrypt(&left, &right)
            substitutions[index] = left
            substitutions[index + 1] = right
        }
    }

    /// Encrypts the 64-bit block `left`‖`right` in place.
    func encrypt(_ left: inout UInt32, _ right: inout UInt32) {
        var (left0, right0) = (left, right)
        for round in 0..<16 {
            left0 ^= subkeys[round]
            right0 ^= mix(left0)
            swap(&left0, &right0)
        }
        left = right0 ^ subkeys[17]
        right = left0 ^ subkeys[16]
    }

    /// Blowfish's F function.
    private func mix(_ word: UInt32) -> UInt32 {
        let first = substitutions[Int(word >> 24)]
        let second = substitutions[256 + Int((word >> 16) & 0xFF)]
        let third = substitutions[512 + Int((word >> 8) & 0xFF)]
        let fourth = substitutions[768 + Int(word & 0xFF)]
        return ((first &+ second) ^ third) &+ fourth
    }
}

extension Blowfish {
    /// Big-endian words read from bytes over and over again (`Blowfish_stream2word`); zeros from no bytes.
    struct WordStream {
        private let bytes: [UInt8]
        private var position = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func next() -> UInt32 {
            guard !bytes.isEmpty else { return 0 }
            var word: UInt32 = 0
            for _ in 0..<4 {
                word = word << 8 | UInt32(bytes[position])
                position = (position + 1) % bytes.count
            }
            return word
        }
    }
}
