import IntegrationPatterns
import Testing

@Suite("Backoff simulation (AWS OCC model)")
struct BackoffSimulationTests {
    @Test(
        "the article's result: un-jittered exponential takes far longer than any jitter; full jitter makes the fewest calls; nothing is lost"
    )
    func orderings() {
        let configuration = BackoffSimulation.Configuration(clients: 50, runs: 40, seed: 42)
        let results = BackoffSimulation(configuration: configuration).run(
            strategies: BackoffSimulation.Strategy.allCases)
        let byName = Dictionary(uniqueKeysWithValues: results.map { ($0.strategy, $0) })
        let exponential = byName[.exponential]!
        for jittered in [BackoffSimulation.Strategy.full, .equal, .decorrelated, .decorrelatedV2] {
            #expect(exponential.timeMilliseconds > 3 * byName[jittered]!.timeMilliseconds, "\(jittered)")
        }
        let full = byName[.full]!
        for other in results where other.strategy != .full && other.strategy != .decorrelatedV2 {
            #expect(full.calls < other.calls, "\(other.strategy)")
        }
        // Jitter cuts the work of no backoff by more than half.
        #expect(full.calls < byName[.none]!.calls / 2)
        // Zero loss: every client's write eventually succeeds, in every run.
        for result in results { #expect(result.successfulWrites == 50 * 40, "\(result.strategy)") }
    }

    @Test("the same seed reproduces the numbers; another seed changes them; progress counts every run")
    func reproducible() {
        let simulation = BackoffSimulation(configuration: .init(clients: 10, runs: 5, seed: 7))
        let progress = Recorder<Int>()
        let first = simulation.run { done, total in
            #expect(total == 25)
            progress.append(done)
        }
        #expect(progress.values == Array(1...25))
        #expect(simulation.run() == first)
        #expect(BackoffSimulation(configuration: .init(clients: 10, runs: 5, seed: 8)).run() != first)
        // Running one strategy alone gives it the same numbers as running it among others.
        #expect(simulation.run(strategies: [.full]).first == first.first { $0.strategy == .full })
    }

    @Test("with one client nothing contends: one write, four network hops")
    func singleClient() {
        var generator = SplitMix64(seed: 1)
        let run = BackoffSimulation(configuration: .init(clients: 1, networkDeviation: .zero)).runOnce(
            .full, using: &generator)
        #expect(run.calls == 1)
        #expect(run.successfulWrites == 1)
        #expect(abs(run.timeMilliseconds - 40) < 1e-9)
    }
}
