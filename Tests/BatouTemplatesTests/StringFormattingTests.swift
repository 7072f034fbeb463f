import BatouTemplates
import Testing

@Suite struct StringFormattingTests {
    private func percent(_ format: String, _ arguments: TemplateValue) -> String {
        do {
            return try TemplateValue.string(format).applying(.modulo, arguments).text()
        } catch {
            return "\(error.kind): \(error.message)"
        }
    }

    private func format(_ format: String, _ positional: [TemplateValue], _ keyword: [(String, TemplateValue)] = []) -> String {
        do {
            guard case .callable(let method) = try TemplateValue.string(format).attribute("format") else { return "" }
            let arguments = TemplateArguments(positional: positional, keyword: keyword.map { (name: $0.0, value: $0.1) })
            return try method.call(arguments).text()
        } catch let failure as TemplateFailure {
            return "\(failure.kind): \(failure.message)"
        } catch {
            return "\(error)"
        }
    }

    @Test func percentFormattingFollowsPython() {
        let tuple = TemplateValue.tuple([3.14159, 42, 5, 5, 255, 255, 8, 12345.678, 0.00001, 1e20, 5, "ab", "ab", 65, "x"])
        #expect(
            percent("%05.2f|%-5d|%+d|% d|%x|%#x|%#o|%e|%g|%g|%.3d|%5s|%05s|%c|%r", tuple)
                == "03.14|42   |+5| 5|ff|0xff|0o10|1.234568e+04|1e-05|1e+20|005|   ab|   ab|A|'x'"
        )
        #expect(percent("%s", ["a": 1]) == "{'a': 1}")
        #expect(percent("%d%%", 5) == "5%")
        #expect(percent("%i", 3.9) == "3")
        #expect(percent("%.2s", "abc") == "ab")
        #expect(percent("%(host)s:%(port)d", ["host": "web", "port": 80]) == "web:80")
    }

    @Test func percentFormattingFailsAsPythonDoes() {
        #expect(percent("%d", "a") == "type: %d format: a real number is required, not str")
        #expect(percent("%f", "a") == "type: must be real number, not str")
        #expect(percent("%x", 1.5) == "type: %x format: an integer is required, not float")
        #expect(percent("%s %s", .tuple([1])) == "type: not enough arguments for format string")
        #expect(percent("%s", .tuple([1, 2])) == "type: not all arguments converted during string formatting")
        #expect(percent("%(a)s", .tuple([1])) == "type: format requires a mapping")
    }

    @Test func strFormatFollowsPython() {
        let arguments: [TemplateValue] = [3.14159, "ab", "ab", 42, 1234567, 255, 255, 1.0, 1e20, 0.256, 12345.0, 42, "x", "abcdef", 1.5, "a", 100000000.0]
        #expect(
            format("{:>8.3f}|{:<5}|{:^7}|{:05d}|{:,}|{:x}|{:#x}|{:.3}|{}|{:.2%}|{:+.1e}|{:=+8d}|{:*^9}|{:.3}|{:10}|{!r}|{:g}", arguments)
                == "   3.142|ab   |  ab   |00042|1,234,567|ff|0xff|1.0|1e+20|25.60%|+1.2e+04|+     42|****x****|abc|       1.5|'a'|1e+08"
        )
        #expect(format("{0}-{name}-{0}", ["a"], [("name", "b")]) == "a-b-a")
        #expect(format("{0[port]} {0.host}", [["port": 80, "host": "web"]]) == "80 web")
        #expect(format("{{}} {:{width}}|", ["a"], [("width", 3)]) == "{} a  |")
        #expect(format("{:d}", [1.5]) == "value: Unknown format code 'd' for object of type 'float'")
        #expect(format("{} {}", [1]) == "value: Replacement index 1 out of range for positional args tuple")
    }
}
