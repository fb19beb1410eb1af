import Foundation
import Testing

@Suite("ipm simulate webhook")
struct SimulateWebhookCommandTests {
    struct Report: Decodable, Equatable {
        var delivered: Int
        var processed: Int
        var duplicates_suppressed: Int
        var dead_lettered: Int
        var lost: Int
        var processed_twice: Int
    }

    static func run(_ extra: [String]) throws -> Report {
        let result = try IPM.run(["simulate", "webhook", "--events", "300", "--json"] + extra)
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode(Report.self, from: Data(result.standardOutput.utf8))
    }

    @Test("the decision framework made visible: at-least-once loses nothing, at-most-once loses, no dedup doubles")
    func guarantees() throws {
        let atLeastOnce = try Self.run(["--guarantee", "at-least-once"])
        #expect(atLeastOnce.lost == 0 && atLeastOnce.processed_twice == 0)
        #expect(atLeastOnce.processed + atLeastOnce.dead_lettered == 300)
        let atMostOnce = try Self.run(["--guarantee", "at-most-once", "--transient-failure-rate", "0.2"])
        #expect(atMostOnce.lost > 0 && atMostOnce.processed_twice == 0)
        let naive = try Self.run(["--no-dedup", "--duplicate-rate", "0.3"])
        #expect(naive.processed_twice > 0)
        #expect(try Self.run(["--seed", "5"]) == (try Self.run(["--seed", "5"])))
    }

    @Test("rates outside 0…1 are usage errors")
    func usage() throws {
        let result = try IPM.run(["simulate", "webhook", "--crash-rate", "2"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("'--crash-rate'"))
    }
}
