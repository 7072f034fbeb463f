import BatouComponents
import BatouTemplates
import BatouTesting
import Testing

@Suite struct StructuredContentTests {
    /// Data of every kind, with strings that YAML would read as other types.
    static var data: TemplateValue {
        [
        "name": "web", "port": 8080, "ratio": 0.5, "big": 1e20, "debug": false, "none": nil, "hosts": ["a", "b"],
        "nested": [
            "yes": "yes", "n": "1", "e": "", "date": "2024-01-01", "umlaut": "Grüße", "multi": "a\nb", "z": [],
        ],
        "empty": [:],
        ]
    }

    @Test func writesJSONAsPythonsJSONDumpsDoes() throws {
        let host = try TestHost()
        try host.deploy(JSONContent("config.json", data: Self.data))
        #expect(
            Disk.text(host.path("config.json"))
                == "{\n    \"big\": 1e+20,\n    \"debug\": false,\n    \"empty\": {},\n    \"hosts\": [\n        \"a\",\n"
                + "        \"b\"\n    ],\n    \"name\": \"web\",\n    \"nested\": {\n        \"date\": \"2024-01-01\",\n"
                + "        \"e\": \"\",\n        \"multi\": \"a\\nb\",\n        \"n\": \"1\",\n"
                + "        \"umlaut\": \"Gr\\u00fc\\u00dfe\",\n        \"yes\": \"yes\",\n        \"z\": []\n    },\n"
                + "    \"none\": null,\n    \"port\": 8080,\n    \"ratio\": 0.5\n}")
        #expect(try host.deploy(JSONContent("config.json", data: Self.data)) == false)
    }

    @Test func writesCompactJSON() throws {
        let host = try TestHost()
        let content = JSONContent("config.json", data: ["b": [1, 2.5], "a": "x"])
        content.humanReadable = false
        try host.deploy(content)
        #expect(Disk.text(host.path("config.json")) == #"{"a":"x","b":[1,2.5]}"#)
    }

    @Test func writesYAMLAsPyYAMLsSafeDumpDoes() throws {
        let host = try TestHost()
        try host.deploy(YAMLContent("config.yaml", data: Self.data))
        #expect(
            Disk.text(host.path("config.yaml"))
                == "big: 1.0e+20\ndebug: false\nempty: {}\nhosts:\n- a\n- b\nname: web\nnested:\n  date: '2024-01-01'\n"
                + "  e: ''\n  multi: 'a\n\n    b'\n  n: '1'\n  umlaut: \"Gr\\xFC\\xDFe\"\n  'yes': 'yes'\n  z: []\n"
                + "none: null\nport: 8080\nratio: 0.5\n")
        #expect(try host.deploy(YAMLContent("config.yaml", data: Self.data)) == false)
    }

    @Test func mergesTheOverrideIntoTheSourceFile() throws {
        let host = try TestHost()
        try Disk.write(#"{"workers": 2, "hosts": ["a"], "log": {"level": "info", "file": "app.log"}}"#,
            to: host.baseDirectory + "/components/test/app.json")
        try Disk.write("workers: 2\nhosts: [a]\nlog: {level: info, file: app.log}\n",
            to: host.baseDirectory + "/components/test/app.yaml")
        let override: TemplateValue = ["workers": 4, "hosts": ["b"], "log": ["level": "debug"]]
        try host.deploy(JSONContent("app.json", override: override))
        try host.deploy(YAMLContent("app.yaml", override: override))
        #expect(
            Disk.text(host.path("app.json"))
                == "{\n    \"hosts\": [\n        \"a\",\n        \"b\"\n    ],\n    \"log\": {\n"
                + "        \"file\": \"app.log\",\n        \"level\": \"debug\"\n    },\n    \"workers\": 4\n}")
        #expect(Disk.text(host.path("app.yaml")) == "hosts:\n- a\n- b\nlog:\n  file: app.log\n  level: debug\nworkers: 4\n")
    }

    @Test func predictsTheChangeWithoutWriting() throws {
        let host = try TestHost()
        #expect(try host.deploy(JSONContent("config.json", data: ["asdf": 1]), predicting: true) == true)
        #expect(!Disk.exists(host.path("config.json")))
        #expect(
            host.events.contains(
                .diff(
                    host: "localhost", component: "JSONContent('work/test/config.json') > Content('config.json')",
                    file: "config.json", lines: ["---", "+++", "@@ -0,0 +1,3 @@", "+{", "+    \"asdf\": 1", "+}"])))
    }

    @Test(arguments: [
        ("app.json", "{\"a\": 1,}", "The source file components/test/app.json cannot be read: line 1, column 9: Expecting a property name in double quotes."),
        ("missing.json", nil, "Could not find the source file components/test/missing.json for JSONContent(\"missing.json\")."),
    ] as [(String, String?, String)])
    func reportsSourcesThatCannotBeRead(file: String, text: String?, message: String) throws {
        let host = try TestHost()
        if let text { try Disk.write(text, to: host.baseDirectory + "/components/test/" + file) }
        #expect {
            try host.deploy(JSONContent(file))
        } throws: { error in
            String(describing: error) == "JSONContent('work/test/\(file)'): \(message)"
        }
    }

    @Test func refusesDataAndSourceTogether() throws {
        let host = try TestHost()
        #expect {
            try host.deploy(YAMLContent("x.yaml", data: [:], source: "x.yaml"))
        } throws: { error in
            String(describing: error).hasSuffix("YAMLContent(\"x.yaml\") takes data or a source file, not both.")
        }
    }
}
