import Testing

@testable import BatouConfig

/// Each malformed environment file gets exactly one message, at the right line.
@Suite struct MalformedEnvironmentTests {
    @Test(arguments: [
        ("[hosts", 1, "Section header is missing ']'."),
        ("[]", 1, "Section header has no name."),
        ("[hosts] extra", 1, "Unexpected text 'extra' after section header [hosts]."),
        ("[hosts]\n[hosts]", 2, "Section [hosts] is defined twice; it was first defined on line 1."),
        ("localhost = hello", 1, "Expected a section header such as [environment] before this line."),
        ("[hosts]\nlocalhost", 2, "Expected 'key = value' but found 'localhost'."),
        ("[hosts]\n= hello", 2, "Expected a key before '=' in [hosts]."),
        ("[hosts]\n: hello", 2, "Expected a key before ':' in [hosts]."),
        ("[hosts]\na = x\na = y", 3, "Key 'a' is set twice in [hosts]; it was first set on line 2."),
        ("[environment]\nconnect_method = vagrant", 2, "connect_method 'vagrant' is not supported; use 'local' or 'ssh'."),
        ("[environment]\njobs = 0", 2, "jobs must be a whole number of at least 1, not '0'."),
        ("[environment]\njobs = two", 2, "jobs must be a whole number of at least 1, not 'two'."),
        ("[environment]\ntimeout = soon", 2, "timeout must be a whole number of at least 0, not 'soon'."),
        ("[environment]\nrequire_sudo = maybe", 2, "require_sudo must be True or False, not 'maybe'."),
        ("[host:web]\nignore = perhaps", 2, "ignore must be True or False, not 'perhaps'."),
        ("[host:web]\nrequire_sudo = 2", 2, "require_sudo must be True or False, not '2'."),
        ("[hosts]\n! = hello", 2, "A host name is missing before '='."),
        ("[hosts]\nweb = hello\n[host:web]", 3, "Host 'web' is defined twice: as [host:web] here and already on line 2."),
        ("[hosts]\nweb = a\n!web = b", 3, "Host 'web' is defined twice: in [hosts] here and already on line 2."),
        ("[host:]", 1, "Section [host:] needs a host name, such as [host:web1]."),
        ("[component:]", 1, "Section [component:] needs a component name, such as [component:hello]."),
        ("[hosts]\nweb = :feature", 2, "Component list item ':feature' has no component name."),
        ("[hosts]\nweb = hello:", 2, "Component list item 'hello:' has ':' but no feature after it."),
        ("[hosts]\nweb = !", 2, "Component list item '!' has no component name."),
        ("[host:web]\ndata- = x", 2, "Host data needs a name after 'data-', such as 'data-alias'."),
        ("[vfs]\nsandbox = Developer", 1, "Section [vfs] is not supported by batou for Swift; remove it from the environment."),
        ("[resolver]", 1, "Section [resolver] is not supported by batou for Swift; remove it from the environment."),
        (
            "[provisioner:default]", 1,
            "Section [provisioner:default] is not supported by batou for Swift; remove it from the environment."
        ),
        (
            "[environmnet]", 1,
            "Unknown section [environmnet]. Did you mean [environment]? "
                + "Sections are [environment], [hosts], [host:NAME] and [component:NAME]."
        ),
        (
            "[deploy]", 1,
            "Unknown section [deploy]. Sections are [environment], [hosts], [host:NAME] and [component:NAME]."
        ),
        ("[hosts]\nweb = a\n[hosts", 3, "Section header is missing ']'."),
        ("[environment]\nconnect_method = local\n\n[hosts]\n  web = a\n[hosts]", 6,
         "Section [hosts] is defined twice; it was first defined on line 4."),
    ])
    func reportsWhereParsingFailed(text: String, line: Int, message: String) {
        let file = EnvironmentFile(parsing: text, file: "dev.cfg")
        #expect(file.diagnostics.errors == [ConfigError(file: "dev.cfg", line: line, message: message)])
    }

    @Test func reportsAllProblemsOfAFileInOneRead() {
        let text = "[environment]\nconnect_method = kitchen\njobs = -1\n[hosts]\nweb = :x\n[nonsense]\n"
        let file = EnvironmentFile(parsing: text, file: "dev.cfg")
        #expect(file.diagnostics.errors.map(\.line) == [2, 3, 5, 6])
    }

    @Test func warnsAboutUnknownKeysWithASuggestion() {
        let file = EnvironmentFile(parsing: "[environment]\nconect_method = local\n[host:web]\ncolour = red\n", file: "dev.cfg")
        #expect(file.diagnostics.errors.isEmpty)
        #expect(
            file.diagnostics.warnings.map(\.description) == [
                "dev.cfg:2: Unknown key 'conect_method' in [environment] is ignored. Did you mean 'connect_method'?",
                "dev.cfg:4: Unknown key 'colour' in [host:web] is ignored.",
            ])
    }
}
