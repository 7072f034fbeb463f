import Testing

@testable import BatouConfig

@Suite struct EnvironmentFileTests {
    @Test func readsEnvironmentSettings() {
        let text = """
            [environment]
            connect_method = local
            service_user = joe
            host_domain = example.com
            branch = release
            timeout = 10
            jobs = 4
            require_sudo = False
            target_directory = /srv/deployment
            update_method = git-bundle
            """
        let file = EnvironmentFile(parsing: text, file: "dev.cfg")
        #expect(file.diagnostics.errors.isEmpty)
        #expect(file.diagnostics.warnings.isEmpty)
        let settings = file.settings
        #expect(settings.connectMethod == "local")
        #expect(settings.serviceUser == "joe")
        #expect(settings.hostDomain == "example.com")
        #expect(settings.platform == "example.com")
        #expect(settings.branch == "release")
        #expect(settings.timeout == 10)
        #expect(settings.jobs == 4)
        #expect(settings.requireSudo == false)
        #expect(settings.targetDirectory == "/srv/deployment")
    }

    @Test func usesBatousDefaults() {
        let settings = EnvironmentFile(parsing: "", file: "dev.cfg").settings
        #expect(settings.connectMethod == "ssh")
        #expect(settings.timeout == 3)
        #expect(settings.jobs == nil)
        #expect(settings.targetDirectory == "~/deployment")
        #expect(settings.platform == nil)
    }

    @Test func readsComponentListsWithCommasContinuationsAndValuesOnTheNextLine() {
        let text = """
            [hosts]
            localhost = hello1, hello2
            otherhost =
                hello3
                hello4
            thishost = hello5,
                hello6
            """
        let hosts = EnvironmentFile(parsing: text, file: "dev.cfg").hosts
        #expect(hosts.map(\.name) == ["localhost", "otherhost", "thishost"])
        #expect(hosts.map { $0.components.map(\.name) } == [["hello1", "hello2"], ["hello3", "hello4"], ["hello5", "hello6"]])
    }

    @Test func mergesFeaturesAndIgnoresOfARepeatedComponent() {
        let hosts = EnvironmentFile(parsing: "[hosts]\nweb = !asdf:test, asdf:bar, other\n", file: "dev.cfg").hosts
        let asdf = hosts[0].components[0]
        #expect(asdf.name == "asdf")
        #expect(asdf.features == ["test", "bar"])
        #expect(asdf.isIgnored)
        #expect(hosts[0].components[1] == ComponentAssignment(name: "other", features: [], isIgnored: false, line: 2))
    }

    @Test func marksHostsIgnoredWithAnExclamationMarkOrIgnoreKey() {
        let text = "[hosts]\nweb = a\n!db = b\n[host:cache]\ncomponents = c\nignore = True\n"
        let hosts = EnvironmentFile(parsing: text, file: "dev.cfg").hosts
        #expect(hosts.map(\.name) == ["web", "db", "cache"])
        #expect(hosts.map(\.isIgnored) == [false, true, true])
    }

    @Test func readsHostSections() {
        let text = """
            [environment]
            platform = generic
            service_user = joe
            [host:foo1]
            components = hello
            data-alias = baz
            data-role = primary
            platform = specific
            service_user = bob
            require_sudo = yes
            """
        let host = EnvironmentFile(parsing: text, file: "dev.cfg").hosts[0]
        #expect(host.name == "foo1")
        #expect(host.components.map(\.name) == ["hello"])
        #expect(host.data == ["alias": "baz", "role": "primary"])
        #expect(host.platform == "specific")
        #expect(host.serviceUser == "bob")
        #expect(host.requireSudo == true)
    }

    @Test func keepsOverridesOfComponentSectionsInOrderWithLines() {
        let text = "[component:hello]\ngreeting = Moin\nnotes = {\"a\": \"b\"}\n"
        let section = EnvironmentFile(parsing: text, file: "dev.cfg").componentSections[0]
        #expect(section.name == "hello")
        #expect(section.overrides.map(\.key) == ["greeting", "notes"])
        #expect(section.overrides.map(\.value) == ["Moin", "{\"a\": \"b\"}"])
        #expect(section.overrides.map(\.line) == [2, 3])
    }

    @Test func suggestsTheClosestName() {
        #expect(Suggestion.closest(to: "ngnix", among: ["nginx", "hello"]) == "nginx")
        #expect(Suggestion.closest(to: "zzz", among: ["nginx", "hello"]) == nil)
    }
}
