import Testing

@testable import BatouSecrets

@Suite struct BcryptPBKDFTests {
    @Test func blowfishEncryptsTheReferenceVectors() {
        for (key, block, expected) in [
            (UInt8(0x00), UInt32(0x0000_0000), (UInt32(0x4EF9_9745), UInt32(0x6198_DD78))),
            (0xFF, 0xFFFF_FFFF, (0x5186_6FD5, 0xB85E_CB8A)),
        ] {
            var cipher = Blowfish()
            cipher.expand(key: [UInt8](repeating: key, count: 8))
            var (left, right) = (block, block)
            cipher.encrypt(&left, &right)
            #expect((left, right) == expected)
        }
    }

    @Test func derivesTheReferenceKey() {
        let key = BcryptPBKDF.derive(count: 32, passphrase: Array("password".utf8), salt: Array("salt".utf8), rounds: 4)
        #expect(key.map(hex) == "5bbf0cc293587f1c3635555c27796598d47e579071bf427e9d8fbe842aba34d9")
    }

    @Test func refusesWhatOpenSSHRefuses() {
        #expect(BcryptPBKDF.derive(count: 32, passphrase: [], salt: [1], rounds: 4) == nil)
        #expect(BcryptPBKDF.derive(count: 32, passphrase: [1], salt: [1], rounds: 0) == nil)
        #expect(BcryptPBKDF.derive(count: 1025, passphrase: [1], salt: [1], rounds: 1) == nil)
    }
}

private func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}
