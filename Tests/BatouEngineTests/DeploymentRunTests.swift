import BatouEngine
import Foundation
import Testing

@Suite struct DeploymentRunTests {
    @Test func deploysAndThenHasNothingToDo() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nlocalhost = greeter\n")
        #expect(try await deployment.deploy())
        #expect(deployment.events.contains(.changed(host: "localhost", component: "Greeter > File('work/greeter/hello') > Content('hello')")))
        #expect(try String(contentsOfFile: deployment.directory + "/work/greeter/hello", encoding: .utf8) == "Hello world\n")
        #expect(try await deployment.deploy())
        #expect(!deployment.events.contains { if case .changed = $0 { true } else { false } })
        #expect(deployment.events.last == .finished(action: "DEPLOYMENT", failedStep: nil))
    }

    @Test func deploysSubComponentsFirstAndUpdatesTheirParent() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nlocalhost = parent\n")
        #expect(try await deployment.deploy())
        #expect(deployment.journal == ["2:verify", "2:update", "1:verify", "1:update"])
    }

    @Test func predictingVerifiesButNeverUpdates() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nlocalhost = parent, greeter\n")
        #expect(try await deployment.deploy(DeploymentOptions(environmentName: "test", mode: .predict)))
        #expect(deployment.journal == ["2:verify", "1:verify"])
        #expect(!FileManager.default.fileExists(atPath: deployment.directory + "/work"))
        #expect(deployment.events.contains(.section("Predicting deployment actions")))
        #expect(deployment.events.contains(.section("DEPLOYMENT PREDICTION FINISHED", style: .success)))
    }

    @Test func consistencyCheckConfiguresButDeploysNothing() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nlocalhost = parent\n")
        #expect(try await deployment.deploy(DeploymentOptions(environmentName: "test", mode: .consistencyCheck)))
        #expect(deployment.journal.isEmpty)
        #expect(!deployment.events.contains(.section("Deploying")))
        #expect(!deployment.events.contains(.scheduling(host: "localhost", root: "parent")))
        #expect(deployment.events.contains(.section("CONSISTENCY CHECK FINISHED", style: .success)))
        #expect(deployment.events.contains { if case .summary(let timings) = $0 { timings.deploy == nil } else { false } })
    }

    @Test func skipsIgnoredHostsAndComponentsButConfiguresThem() async throws {
        let deployment = try TestDeployment(
            environment: "[environment]\nconnect_method = local\n[hosts]\nlocalhost = journaled, !failing\n!otherhost = failing, settings\n")
        #expect(try await deployment.deploy())
        let expected: [Event] = [
            .connecting(host: "localhost", method: "local", index: 1, count: 2),
            .hostIgnored(host: "otherhost", index: 2, count: 2),
            .scheduling(host: "localhost", root: "journaled"),
            .skipping(host: "localhost", root: "failing", reason: "Component ignored"),
            .skipping(host: "otherhost", root: "failing", reason: "Host ignored"),
            .skipping(host: "otherhost", root: "settings", reason: "Host ignored"),
        ]
        #expect(deployment.events.filter { expected.contains($0) } == expected)
        #expect(deployment.journal == ["port=9001 debug=false notes=[:] servers=[] features=[]", "1:verify", "1:update"])
    }

    @Test func failsWhenNoHostIsDefined() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n")
        #expect(try await deployment.deploy() == false)
        #expect(deployment.problems == ["No host found in environment."])
        #expect(deployment.failedStep == "connect")
    }

    @Test func namesAMissingEnvironmentAndTheOnesThatExist() async throws {
        let deployment = try TestDeployment(environment: "[hosts]\n", name: "dev")
        #expect(try await deployment.deploy(DeploymentOptions(environmentName: "production")) == false)
        #expect(
            deployment.problems == [
                "Missing environment 'production': there is no environments/production/environment.cfg. Environments: dev."
            ])
        #expect(deployment.failedStep == "load")
    }

    @Test func removesCfgFromTheEnvironmentName() {
        #expect(DeploymentOptions(environmentName: "dev.cfg").environmentName == "dev")
    }

    @Test func reportsEveryLoadErrorInLineOrder() async throws {
        let text = """
            [environment]
            connect_method = local
            jobs = lots

            [hosts]
            localhost = greter, parent
            [component:journalled]
            name = 3
            [hosts
            """
        let deployment = try TestDeployment(environment: text)
        #expect(try await deployment.deploy() == false)
        let file = "environments/test/environment.cfg"
        #expect(
            deployment.problems == [
                "\(file):3: jobs must be a whole number of at least 1, not 'lots'.",
                "\(file):6: Unknown component 'greter'. Did you mean 'greeter'?",
                "\(file):7: Override section [component:journalled] is for an unknown component. Did you mean 'journaled'?",
                "\(file):9: Section header is missing ']'.",
            ])
        #expect(deployment.failedStep == "load")
    }

    @Test func appliesTypedOverridesAndFeatures() async throws {
        let text = """
            [environment]
            connect_method = local
            [hosts]
            localhost = settings:blue, settings:green
            [component:settings]
            port = 9002
            debug = True
            notes = {"host1/page-042.conf": "v1"}
            servers =
                a
                b
            """
        let deployment = try TestDeployment(environment: text)
        #expect(try await deployment.deploy())
        #expect(
            deployment.journal == [
                #"port=9002 debug=true notes=["host1/page-042.conf": "v1"] servers=["a", "b"] features=["blue", "green"]"#
            ])
    }

    @Test func reportsOverridesThatDoNotApplyWithFileLineKeyValueAndType() async throws {
        let text = """
            [environment]
            connect_method = local
            [hosts]
            localhost = settings
            [component:settings]
            prot = 9002
            port = eighty
            notes = {"a": 1}
            """
        let deployment = try TestDeployment(environment: text)
        #expect(try await deployment.deploy() == false)
        let file = "environments/test/environment.cfg"
        #expect(
            deployment.problems == [
                "\(file):6: [component:settings] prot = '9002' overrides nothing: Settings has no @Attribute 'prot'. Did you mean 'port'?",
                "\(file):7: [component:settings] port = 'eighty' cannot be converted to Int: it is not a whole number.",
                "\(file):8: [component:settings] notes = '{\"a\": 1}' cannot be converted to Dictionary<String, String>: 1 is not a string.",
            ])
        #expect(deployment.failedStep == "connect")
        #expect(deployment.events.contains(.section("3 ERRORS - CONFIGURATION FAILED", style: .failure)))
    }

    @Test func expandsOverridesAsTemplatesInTheComponentsContext() async throws {
        let text = """
            [environment]
            connect_method = local
            [host:localhost]
            components = settings, formatter
            data-port = 9002
            [component:settings]
            port = {{ host.data.port }}
            servers = {{ host.name }}, {{ environment.name }}-{{ component.port + 1 }}
            [component:formatter]
            format = {{ host.name }}
            """
        let deployment = try TestDeployment(environment: text)
        #expect(try await deployment.deploy())
        #expect(
            deployment.journal == [
                #"port=9002 debug=false notes=[:] servers=["localhost", "test-9003"] features=[]"#,
                "format={{ host.name }}",
            ])
    }

    @Test func reportsOverridesThatCannotBeExpanded() async throws {
        let text = """
            [environment]
            connect_method = local
            [hosts]
            localhost = settings
            [component:settings]
            port = {{ host.data.port }}
            servers = {% if %}
            """
        let deployment = try TestDeployment(environment: text)
        #expect(try await deployment.deploy() == false)
        let file = "environments/test/environment.cfg"
        #expect(deployment.problems.count == 2)
        #expect(
            deployment.problems.first?.hasPrefix(
                "\(file):6: [component:settings] port = '{{ host.data.port }}' cannot be expanded: ") == true)
        #expect(deployment.problems.first?.contains("'port'") == true)
        #expect(
            deployment.problems.last?.hasPrefix(
                "\(file):7: [component:settings] servers = '{% if %}' cannot be expanded: ") == true)
    }

    @Test func namesHostAndComponentOfAConfigureError() async throws {
        let deployment = try TestDeployment(
            environment: "[environment]\nconnect_method = local\n[hosts]\nweb1 = brokenconfigure\nweb2 = brokenconfigure\n")
        #expect(try await deployment.deploy() == false)
        #expect(
            deployment.problems == [
                "web1, web2: BrokenConfigure > File('work/brokenconfigure/hello'): Missing file components/brokenconfigure/hello "
                    + "for File(\"hello\"). Add that file, or for an empty file write File(\"hello\", content: \"\")."
            ])
    }

    @Test func letsIndependentRootsFinishWhenOneFails() async throws {
        let deployment = try TestDeployment(
            environment: "[environment]\nconnect_method = local\n[hosts]\nlocalhost = failing, journaled\n")
        #expect(try await deployment.deploy() == false)
        #expect(deployment.problems == ["localhost: Failing: The service did not answer."])
        #expect(deployment.journal == ["failing:verify", "1:verify", "1:update"])
        #expect(deployment.failedStep == "deploy")
        #expect(deployment.events.contains(.section("DEPLOYMENT FAILED (during deploy)", style: .failure)))
    }

    @Test func givesComponentsTheirHostEnvironmentAndDirectories() async throws {
        let text = """
            [environment]
            connect_method = local
            host_domain = example.com
            [hosts]
            web = hostfacts
            [host:db]
            components = hostfacts
            data-alias = primary
            platform = debian
            """
        let deployment = try TestDeployment(environment: text)
        #expect(try await deployment.deploy())
        let base = deployment.directory
        #expect(
            deployment.journal == [
                "web web.example.com [:] example.com test \(base)/work/hostfacts \(base)/components/hostfacts timeout=3",
                "db db.example.com [\"alias\": \"primary\"] debian test \(base)/work/hostfacts \(base)/components/hostfacts timeout=3",
            ])
    }

    @Test func overridesPlatformAndTimeoutFromTheCommandLine() async throws {
        let deployment = try TestDeployment(
            environment: "[environment]\nconnect_method = local\nplatform = a\ntimeout = 5\n[hosts]\nweb = hostfacts\n")
        #expect(try await deployment.deploy(DeploymentOptions(environmentName: "test", platform: "b", timeout: 7)))
        #expect(deployment.journal.first?.contains(" b test ") == true)
        #expect(deployment.journal.first?.hasSuffix(" timeout=7") == true)
    }

    @Test func warnsAboutComponentsThatWereCreatedButNeverAdded() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nweb = forgetful\n")
        #expect(try await deployment.deploy())
        let warnings = deployment.events.compactMap { if case .warning(let text) = $0 { text } else { nil } }
        #expect(
            warnings == [
                "web: Forgetful created File('forgotten') but never added it. Add it with `self += component`, or remove it."
            ])
    }

    @Test func updatesAParentWhoseSubComponentChanged() async throws {
        let text = "[environment]\nconnect_method = local\n[hosts]\nweb = restarter\n[component:restarter]\nsetting = %@\n"
        let deployment = try TestDeployment(environment: text.replacingOccurrences(of: "%@", with: "a"))
        #expect(try await deployment.deploy())
        #expect(try await deployment.deploy())
        #expect(deployment.journal == ["restart"])
        try deployment.write(text.replacingOccurrences(of: "%@", with: "b"), to: "environments/test/environment.cfg")
        #expect(try await deployment.deploy())
        #expect(deployment.journal == ["restart", "restart"])
        #expect(deployment.events.contains(.changed(host: "web", component: "Restarter")))
    }

    @Test func showsConfigureLogsWithoutAndDeployLogsWithTheHost() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nweb = chatty\n")
        #expect(try await deployment.deploy())
        #expect(deployment.events.contains(.log(host: nil, component: "Chatty", message: "configured")))
        #expect(deployment.events.contains(.log(host: "web", component: "Chatty", message: "verified")))
    }

    @Test func refusesSSHUntilItIsAvailableButPredictsLocally() async throws {
        let deployment = try TestDeployment(environment: "[hosts]\nweb = greeter\n")
        #expect(try await deployment.deploy() == false)
        #expect(deployment.failedStep == "connect")
        #expect(try await deployment.deploy(DeploymentOptions(environmentName: "test", mode: .predict, forcesLocal: true)))
        #expect(deployment.events.contains(.section("DEPLOYMENT PREDICTION (local) FINISHED", style: .success)))
    }

    @Test func refusesASecondRunWhileTheLockIsHeld() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nlocalhost = journaled\n")
        let descriptor = open(deployment.directory + "/.batou-lock", O_RDWR | O_CREAT, 0o644)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX) == 0)
        #expect(try await deployment.deploy() == false)
        #expect(
            deployment.problems == [
                "Could not acquire lock .batou-lock: another batou run of this deployment is in progress. "
                    + "Wait for it to finish, then run again."
            ])
        #expect(deployment.journal.isEmpty)
    }

    @Test func showsTheNumberOfJobsWhenDebugging() async throws {
        let deployment = try TestDeployment(
            environment: "[environment]\nconnect_method = local\njobs = 2\n[hosts]\nlocalhost = journaled\n")
        try await deployment.deploy(DeploymentOptions(environmentName: "test", isDebugging: true))
        #expect(deployment.events.contains(.step("main: Number of jobs: 2", icon: "⚙️")))
        try await deployment.deploy(DeploymentOptions(environmentName: "test", jobs: 5, isDebugging: true))
        #expect(deployment.events.contains(.step("main: Number of jobs: 5", icon: "⚙️")))
    }
}
