import BatouModel
import Testing

@testable import BatouEngine

@Suite struct RootScheduleTests {
    private let web1 = RootIdentity(name: "web", host: "h1")
    private let web2 = RootIdentity(name: "web", host: "h2")
    private let database = RootIdentity(name: "db", host: "h3")
    private let cache = RootIdentity(name: "cache", host: "h3")

    @Test func startsRootsOnlyAfterWhatTheyDependOn() {
        var schedule = RootSchedule(
            order: [web1, database], dependencies: [web1: [database]], ignored: [], jobs: 4, rollingLimits: [:])
        #expect(schedule.next() == .deploy(database))
        #expect(schedule.next() == nil)
        #expect(schedule.finish(database, succeeded: true) == [])
        #expect(schedule.next() == .deploy(web1))
        _ = schedule.finish(web1, succeeded: true)
        #expect(schedule.isFinished)
    }

    @Test func honoursJobsAndRollingLimitsTogether() {
        var schedule = RootSchedule(
            order: [web1, web2, cache], dependencies: [:], ignored: [], jobs: 2, rollingLimits: ["web": 1])
        #expect(schedule.next() == .deploy(web1))
        #expect(schedule.next() == .deploy(cache))
        #expect(schedule.next() == nil)
        _ = schedule.finish(cache, succeeded: true)
        #expect(schedule.next() == nil, "web2 waits for web1: only one web at a time")
        _ = schedule.finish(web1, succeeded: true)
        #expect(schedule.next() == .deploy(web2))
    }

    @Test func skipsEverythingThatDependsOnAFailedRootAndNothingElse() {
        var schedule = RootSchedule(
            order: [database, web1, web2, cache], dependencies: [web1: [database], web2: [web1]], ignored: [],
            jobs: 4, rollingLimits: [:])
        #expect(schedule.next() == .deploy(database))
        #expect(schedule.next() == .deploy(cache))
        #expect(schedule.finish(database, succeeded: false) == [web1, web2])
        #expect(schedule.next() == nil)
        _ = schedule.finish(cache, succeeded: true)
        #expect(schedule.isFinished)
    }

    @Test func skipsIgnoredRootsWithoutHoldingUpTheirDependents() {
        var schedule = RootSchedule(
            order: [database, web1], dependencies: [web1: [database]], ignored: [database], jobs: 1, rollingLimits: [:])
        #expect(schedule.next() == .skip(database))
        #expect(schedule.next() == .deploy(web1))
    }
}
