#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks for a secret on the controlling terminal (`/dev/tty`) with echo off, as `ssh` asks
/// for passphrases: standard input and output may be redirected, the question still reaches
/// the person at the keyboard.
///
/// ```swift
/// let passphrase = TerminalPrompt.secret("Enter passphrase for /home/alice/.ssh/id_ed25519: ")
/// ```
enum TerminalPrompt {
    /// The line typed after `prompt`, without its line break; `nil` when there is no terminal.
    static func secret(_ prompt: String) -> String? {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { return nil }
        defer { close(terminal) }
        var original = termios()
        guard tcgetattr(terminal, &original) == 0 else { return nil }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        guard tcsetattr(terminal, TCSAFLUSH, &silent) == 0 else { return nil }
        defer {
            tcsetattr(terminal, TCSAFLUSH, &original)
            write(terminal, "\n", 1)  // the line break the person typed was not echoed
        }
        write(terminal, prompt, prompt.utf8.count)
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(terminal, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }
}
