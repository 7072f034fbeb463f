/// Arithmetic modulo an odd number, in Montgomery form: what age's SSH recipients need and
/// swift-crypto does not offer (the RSA operation without padding, and the conversion of an
/// Ed25519 key to X25519).
///
/// ```swift
/// let arithmetic = MontgomeryArithmetic(modulus: modulus)
/// let ciphertext = arithmetic.power(message, exponent)
/// ```
///
/// Numbers are big-endian bytes outside and little-endian 64-bit limbs inside. Operations are
/// not constant-time: use it only where the exponent is public (RSA encryption, inverses
/// modulo a public prime).
struct MontgomeryArithmetic {
    typealias Limbs = [UInt64]

    private let modulus: Limbs
    /// The modulus's length in bytes, the length of every result.
    let byteCount: Int
    /// −modulus⁻¹ mod 2⁶⁴.
    private let negativeInverse: UInt64
    /// R² mod modulus, where R = 2^(64 × limbs).
    private let rSquared: Limbs

    /// Arithmetic modulo `modulus` (big-endian), which must be odd and greater than 1.
    init(modulus bytes: [UInt8]) {
        let significant = Array(bytes.drop { $0 == 0 })
        let modulus = Self.limbs(significant, count: (significant.count + 7) / 8)
        let low = modulus.first ?? 0
        precondition(low & 1 == 1 && (significant.count > 1 || low > 1), "The modulus must be odd and greater than 1.")
        self.modulus = modulus
        byteCount = significant.count
        // Newton's iteration doubles the correct low bits of the inverse, starting with 3.
        var inverse = low
        for _ in 0..<5 {
            inverse = inverse &* (2 &- low &* inverse)
        }
        negativeInverse = 0 &- inverse
        var power = Limbs(repeating: 0, count: modulus.count)
        power[0] = 1
        for _ in 0..<(128 * modulus.count) {
            power = Self.add(power, power, modulo: modulus)
        }
        rSquared = power
    }

    // MARK: - Operations

    /// `base` to the power of `exponent`, modulo the modulus. `base` may be at most as long as
    /// the modulus.
    func power(_ base: [UInt8], _ exponent: [UInt8]) -> [UInt8] {
        bytes(fromMontgomery(power(toMontgomery(base), exponent)))
    }

    /// The inverse of `number` (in Montgomery form) modulo a prime modulus: `number`^(p − 2), by
    /// Fermat's little theorem; zero for zero.
    func inverse(_ number: Limbs) -> Limbs {
        var two = Limbs(repeating: 0, count: modulus.count)
        two[0] = 2
        return power(number, bytes(Self.subtract(modulus, two).0))
    }

    /// `number` (big-endian, at most as long as the modulus) reduced and in Montgomery form.
    func toMontgomery(_ number: [UInt8]) -> Limbs {
        multiply(Self.limbs(number, count: modulus.count), rSquared)
    }

    /// `number` back from Montgomery form.
    func fromMontgomery(_ number: Limbs) -> Limbs {
        var one = Limbs(repeating: 0, count: modulus.count)
        one[0] = 1
        return multiply(number, one)
    }

    /// `number` as big-endian bytes, as long as the modulus.
    func bytes(_ number: Limbs) -> [UInt8] {
        let all = number.reversed().flatMap { limb in (0..<8).map { UInt8(truncatingIfNeeded: limb >> (56 - 8 * $0)) } }
        return Array(all.suffix(byteCount))
    }

    func add(_ left: Limbs, _ right: Limbs) -> Limbs {
        Self.add(left, right, modulo: modulus)
    }

    func subtract(_ left: Limbs, _ right: Limbs) -> Limbs {
        var (difference, borrow) = Self.subtract(left, right)
        if borrow {
            (difference, _) = Self.add(difference, modulus)
        }
        return difference
    }

    /// The Montgomery product `left` × `right` / R mod modulus (CIOS).
    func multiply(_ left: Limbs, _ right: Limbs) -> Limbs {
        let count = modulus.count
        var total = Limbs(repeating: 0, count: count + 2)
        for i in 0..<count {
            var carry: UInt64 = 0
            for j in 0..<count {
                (total[j], carry) = Self.multiplyAdd(left[j], right[i], total[j], carry)
            }
            let (sum, overflow) = total[count].addingReportingOverflow(carry)
            total[count] = sum
            total[count + 1] = overflow ? 1 : 0
            let factor = total[0] &* negativeInverse
            (_, carry) = Self.multiplyAdd(factor, modulus[0], total[0], 0)
            for j in 1..<count {
                (total[j - 1], carry) = Self.multiplyAdd(factor, modulus[j], total[j], carry)
            }
            let (top, topOverflow) = total[count].addingReportingOverflow(carry)
            total[count - 1] = top
            total[count] = total[count + 1] + (topOverflow ? 1 : 0)
        }
        let result = Array(total.prefix(count))
        let (reduced, borrow) = Self.subtract(result, modulus)
        return total[count] != 0 || !borrow ? reduced : result
    }

    // MARK: - Helpers

    private func power(_ base: Limbs, _ exponent: [UInt8]) -> Limbs {
        var result = toMontgomery([1])
        for byte in exponent {
            for bit in (0..<8).reversed() {
                result = multiply(result, result)
                if (byte >> bit) & 1 == 1 {
                    result = multiply(result, base)
                }
            }
        }
        return result
    }

    /// Big-endian `bytes` as `count` little-endian limbs; excess high bytes are dropped.
    static func limbs(_ bytes: [UInt8], count: Int) -> Limbs {
        var limbs = Limbs(repeating: 0, count: count)
        for (offset, byte) in bytes.reversed().enumerated() where offset < 8 * count {
            limbs[offset / 8] |= UInt64(byte) << (8 * (offset % 8))
        }
        return limbs
    }

    /// `a` × `b` + `c` + `d` as (low, high) limbs; it never overflows 128 bits.
    private static func multiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (UInt64, UInt64) {
        var (high, low) = a.multipliedFullWidth(by: b)
        var overflow: Bool
        (low, overflow) = low.addingReportingOverflow(c)
        if overflow { high &+= 1 }
        (low, overflow) = low.addingReportingOverflow(d)
        if overflow { high &+= 1 }
        return (low, high)
    }

    private static func add(_ left: Limbs, _ right: Limbs) -> (Limbs, carry: Bool) {
        var sum = left
        var carry = false
        for index in sum.indices {
            let (partial, overflow1) = left[index].addingReportingOverflow(right[index])
            let (total, overflow2) = partial.addingReportingOverflow(carry ? 1 : 0)
            sum[index] = total
            carry = overflow1 || overflow2
        }
        return (sum, carry)
    }

    private static func subtract(_ left: Limbs, _ right: Limbs) -> (Limbs, borrow: Bool) {
        var difference = left
        var borrow = false
        for index in difference.indices {
            let (partial, underflow1) = left[index].subtractingReportingOverflow(right[index])
            let (total, underflow2) = partial.subtractingReportingOverflow(borrow ? 1 : 0)
            difference[index] = total
            borrow = underflow1 || underflow2
        }
        return (difference, borrow)
    }

    /// (`left` + `right`) mod `modulus`, for operands below it.
    private static func add(_ left: Limbs, _ right: Limbs, modulo modulus: Limbs) -> Limbs {
        let (sum, carry) = add(left, right)
        let (reduced, borrow) = subtract(sum, modulus)
        return carry || !borrow ? reduced : sum
    }
}
