import BatouEngine
import Testing

/// batou's behaviours around provide/require and the order they give (§4.5, §10.4).
@Suite struct ResourceTests {
    private let local = "[environment]\nconnect_method = local\n"

    @Test(arguments: ["provider, consumer", "consumer, provider"])
    func consumerGetsTheValueWhicheverOrderTheyAreListed(components: String) async throws {
        let deployment = try TestDeployment(environment: local + "[hosts]\nweb = \(components)\n")
        #expect(try await deployment.deploy())
        #expect(deployment.journal.filter { $0.hasPrefix("consumer on web got") }.last == "consumer on web got [42]")
        #expect(deployment.journal.suffix(2) == ["provider on web", "consumer on web deploys"])
    }

    @Test func providedValuesSurviveAddingSubComponents() async throws {
        let deployment = try TestDeployment(environment: local + "[hosts]\nweb = provider, consumer\n")
        #expect(try await deployment.deploy())
        #expect(deployment.journal.contains("consumer on web got [42]"))
    }

    @Test func reportsAResourceNobodyRequires() async throws {
        let deployment = try TestDeployment(environment: local + "[hosts]\nweb = provider\n")
        #expect(try await deployment.deploy() == false)
        #expect(
            deployment.problems == [
                "Unused provided resources; no component requires them, so remove them or require them:\n"
                    + "    'answer' provided by provider on web with value 42"
            ])
        #expect(deployment.failedStep == "connect")
    }

    @Test func reportsARequirementNobodyProvides() async throws {
        let deployment = try TestDeployment(environment: local + "[hosts]\nweb = consumer\n")
        #expect(try await deployment.deploy() == false)
        #expect(
            deployment.problems == [
                "Unsatisfied resource requirement: consumer on web requires 'answer', but no component provides it. "
                    + "Add a component that provides it to the environment, or require it with `strict: false`."
            ])
    }

    @Test func reportsARequirementOfTheOwnHostThatOnlyAnotherHostProvides() async throws {
        let deployment = try TestDeployment(environment: local + "[hosts]\nweb1 = provider\nweb2 = localconsumer\n")
        #expect(try await deployment.deploy() == false)
        #expect(
            deployment.problems == [
                "Unsatisfied resource requirement: localconsumer on web2 requires 'answer' on web2, but no component "
                    + "provides it. Add a component that provides it to the environment, or require it with `strict: false`.",
                "Unused provided resources; no component requires them, so remove them or require them:\n"
                    + "    'answer' provided by provider on web1 with value 42",
            ])
    }

    @Test func requireOneNamesEveryProviderWhenThereAreSeveral() async throws {
        let deployment = try TestDeployment(environment: local + "[hosts]\nweb1 = provider\nweb2 = provider, singleconsumer\n")
        #expect(try await deployment.deploy() == false)
        #expect(
            deployment.problems == [
                "web2: SingleConsumer: Expected exactly one 'answer', but 2 are provided (by provider on web1, provider on web2). "
                    + "Require it from one host with `on:`, or use require() for all of them."
            ])
    }

    @Test func requireOneWaitsForItsProvider() async throws {
        let deployment = try TestDeployment(environment: local + "[hosts]\nweb1 = singleconsumer\nweb2 = provider\n")
        #expect(try await deployment.deploy())
        #expect(deployment.journal.contains("single consumer got 42"))
    }

    @Test func consumersDeployAfterTheirProvidersAcrossHosts() async throws {
        let deployment = try TestDeployment(
            environment: local + "[hosts]\nweb1 = consumer, provider\nweb2 = consumer, provider\n")
        #expect(try await deployment.deploy())
        let deploys = deployment.journal.filter { !$0.contains(" got ") }
        #expect(deploys == ["provider on web1", "provider on web2", "consumer on web1 deploys", "consumer on web2 deploys"])
        #expect(deployment.journal.contains("consumer on web1 got [42, 42]"))
    }

    @Test(arguments: [false, true])
    func reverseRequirementsDeployBeforeTheirProviders(reverse: Bool) async throws {
        let text = local + "[hosts]\nweb = linkb, linka\n[component:linka]\nprovides = a\n"
            + "[component:linkb]\nrequires = a\nreverse = \(reverse ? "True" : "False")\n"
        let deployment = try TestDeployment(environment: text)
        #expect(try await deployment.deploy())
        #expect(deployment.journal == (reverse ? ["LinkB deploys", "LinkA deploys"] : ["LinkA deploys", "LinkB deploys"]))
    }

    @Test func reportsAModelThatNeverSettles() async throws {
        let deployment = try TestDeployment(environment: local + "[hosts]\nh1 = growing\nh2 = growing\n")
        #expect(try await deployment.deploy() == false)
        #expect(
            deployment.problems.first
                == "The configuration did not settle: these root components kept changing what they provide: "
                + "growing on h1, growing on h2.")
    }

    @Test(arguments: [
        (
            "[hosts]\nweb = linka\n[component:linka]\nprovides = x\nrequires = x\n",
            "Found a dependency cycle: linka on web requires 'x' from itself."
        ),
        (
            "[hosts]\nweb = linka, linkb\n[component:linka]\nprovides = a\nrequires = b\n"
                + "[component:linkb]\nprovides = b\nrequires = a\n",
            "Found a dependency cycle: linka on web requires 'b' from linkb on web, which requires 'a' from linka on web."
        ),
        (
            "[hosts]\nweb1 = linka\nweb2 = linkb\nweb3 = linkc\n[component:linka]\nprovides = a\nrequires = b\n"
                + "[component:linkb]\nprovides = b\nrequires = c\n[component:linkc]\nprovides = c\nrequires = a\n",
            "Found a dependency cycle: linka on web1 requires 'b' from linkb on web2, which requires 'c' from linkc on web3, "
                + "which requires 'a' from linka on web1."
        ),
    ])
    func namesEveryComponentAndKeyOfACycle(hosts: String, message: String) async throws {
        let deployment = try TestDeployment(environment: local + hosts)
        #expect(try await deployment.deploy() == false)
        #expect(
            deployment.problems == [
                message + " To break it, require one of these keys with `reverse: true`, or stop requiring it."
            ])
        #expect(deployment.failedStep == "connect")
    }
}

/// Roots on several hosts deploy in parallel, within `--jobs` and rolling limits.
@Suite struct ParallelDeployTests {
    private let fourHosts = "[environment]\nconnect_method = local\n[hosts]\nh1 = slow\nh2 = slow\nh3 = slow\nh4 = slow\n"

    /// The most roots that were between `start` and `end` at the same time.
    private func peakConcurrency(_ journal: [String]) -> Int {
        var running = 0
        var peak = 0
        for line in journal {
            running += line == "start" ? 1 : line == "end" ? -1 : 0
            peak = max(peak, running)
        }
        return peak
    }

    @Test(arguments: [1, 2, 4])
    func deploysAtMostJobsRootsAtOnce(jobs: Int) async throws {
        let deployment = try TestDeployment(environment: fourHosts)
        #expect(try await deployment.deploy(DeploymentOptions(environmentName: "test", jobs: jobs)))
        #expect(deployment.journal.count == 8)
        #expect(peakConcurrency(deployment.journal) <= jobs)
        if jobs > 1 { #expect(peakConcurrency(deployment.journal) > 1) }
    }

    @Test func honoursTheRollingLimitTogetherWithJobs() async throws {
        let deployment = try TestDeployment(environment: fourHosts + "[component:slow]\nlimit = 1\n")
        #expect(try await deployment.deploy(DeploymentOptions(environmentName: "test", jobs: 4)))
        #expect(deployment.journal == ["start", "end", "start", "end", "start", "end", "start", "end"])
    }

    @Test func takesJobsFromTheEnvironment() async throws {
        let deployment = try TestDeployment(environment: fourHosts.replacingOccurrences(of: "local\n", with: "local\njobs = 4\n"))
        #expect(try await deployment.deploy())
        #expect(peakConcurrency(deployment.journal) > 1)
    }

    @Test func stopsOnlyTheDependentsOfAFailedRoot() async throws {
        let deployment = try TestDeployment(
            environment: "[environment]\nconnect_method = local\njobs = 2\n[hosts]\nh1 = failingprovider\nh2 = consumer, journaled\n")
        #expect(try await deployment.deploy() == false)
        #expect(deployment.problems == ["h1: FailingProvider: The provider broke."])
        #expect(deployment.events.contains(.skipping(host: "h2", root: "consumer", reason: "Not deployed because failingprovider on h1 failed")))
        #expect(deployment.journal.contains("1:update"))
        #expect(!deployment.journal.contains("consumer on h2 deploys"))
        #expect(deployment.failedStep == "deploy")
    }

    @Test func mergesEqualFailuresOfSeveralHosts() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nh1 = failing\nh2 = failing\n")
        #expect(try await deployment.deploy() == false)
        #expect(deployment.problems == ["h1, h2: Failing: The service did not answer."])
    }
}

/// Platform-specific sub-components and before-update events.
@Suite struct ComponentHookTests {
    @Test func addsThePlatformComponentOnHostsOfThatPlatform() async throws {
        let text = """
            [environment]
            connect_method = local
            [hosts]
            plain = platformed
            [host:special]
            components = platformed
            platform = testplatform
            """
        let deployment = try TestDeployment(environment: text)
        #expect(try await deployment.deploy())
        #expect(deployment.journal == ["platform part for Platformed on special"])
    }

    @Test func runsHandlersOfEveryComponentBeforeEachUpdate() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nweb = eventful\n")
        #expect(try await deployment.deploy())
        #expect(deployment.journal == ["1 saw 1", "2 saw 1", "1 updated", "1 saw 2", "2 saw 2", "2 updated"])
    }

    @Test func runsPrecursorHandlersOnlyForComponentsBeforeThem() async throws {
        let deployment = try TestDeployment(
            environment: "[environment]\nconnect_method = local\n[hosts]\nweb = eventful\n[component:eventful]\nprecursorsOnly = True\n")
        #expect(try await deployment.deploy())
        #expect(deployment.journal == ["2 saw 1", "1 updated", "2 updated"])
    }

    @Test func announcesHandlersWhenPredicting() async throws {
        let deployment = try TestDeployment(environment: "[environment]\nconnect_method = local\n[hosts]\nweb = eventful\n")
        #expect(try await deployment.deploy(DeploymentOptions(environmentName: "test", mode: .predict)))
        #expect(deployment.journal.isEmpty)
        #expect(
            deployment.events.contains(
                .notice(host: "web", component: "Eventful > Handling('1')", message: "Trigger before-update: Eventful > Handling('2') > record")))
    }
}
