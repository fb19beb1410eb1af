internal import Foundation
internal import IntegrationPatterns

/// `ipm simulate backoff`: the optimistic-concurrency experiment of AWS's "Exponential Backoff And Jitter".
enum SimulateBackoffCommand {
    static let spec: CommandSpec = CommandSpec(
        name: "backoff",
        abstract: "Compare backoff and jitter strategies in AWS's contention experiment.",
        discussion: """
            N clients update one row under optimistic concurrency: each reads its version and writes it
            back; a write fails if another landed first, and the client backs off before trying again.
            One client wins per round, so work grows with the square of the clients. This is the model
            behind Marc Brooker's "Exponential Backoff And Jitter" (AWS Architecture Blog), with its
            numbers: network delay |N(10 ms, 2 ms)|, base 5 ms, cap 2,000 ms, 100 runs per strategy.
            Calls counts writes; time is when the last client finished; both are means over the runs.
            The same seed gives the same numbers.

            Strategies: none, exponential (capped, no jitter), full, equal, decorrelated (AWS's), and
            decorrelated-v2 (Polly's; not in the article).

            JSON output: {"clients", "runs", "seed", "base_ms", "cap_ms",
            "strategies": [{"name", "calls", "time_ms", "successful_writes"}]}; successful_writes is
            clients × runs when no client was lost.
            """,
        examples: [
            "ipm simulate backoff",
            "ipm simulate backoff --clients 100 --runs 50",
            "ipm simulate backoff --strategies exponential,full --seed 7 --json",
        ],
        options: [
            .value("--clients", valueName: "N", help: "Clients contending for the row (default 50)."),
            .value("--runs", valueName: "N", help: "Runs averaged per strategy (default 100)."),
            .value(
                "--strategies", valueName: "list",
                help:
                    "Comma-separated: none, exponential, full, equal, decorrelated, decorrelated-v2 (default: the article's five)."
            ),
            .value("--base-ms", valueName: "ms", help: "Backoff base in milliseconds (default 5)."),
            .value("--cap-ms", valueName: "ms", help: "Backoff cap in milliseconds (default 2000)."),
            .value("--seed", valueName: "N", help: "Random seed (default 42)."),
            .flag("--json", help: "Print JSON for scripts."),
        ],
        run: run)

    struct Output: Encodable {
        struct Strategy: Encodable {
            var name: String
            var calls: Double
            var timeMs: Double
            var successfulWrites: Int

            enum CodingKeys: String, CodingKey {
                case name, calls
                case timeMs = "time_ms"
                case successfulWrites = "successful_writes"
            }
        }

        var clients: Int
        var runs: Int
        var seed: UInt64
        var baseMs: Double
        var capMs: Double
        var strategies: [Strategy]

        enum CodingKeys: String, CodingKey {
            case clients, runs, seed, strategies
            case baseMs = "base_ms"
            case capMs = "cap_ms"
        }
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let clients = try arguments.integer("--clients", in: 1...10_000) ?? 50
        let runs = try arguments.integer("--runs", in: 1...100_000) ?? 100
        let base = try arguments.double("--base-ms", in: 0...60_000) ?? 5
        let cap = try arguments.double("--cap-ms", in: 0...3_600_000) ?? 2000
        var seed: UInt64 = 42
        if let text = arguments.value("--seed") {
            guard let value = UInt64(text) else {
                throw UsageError(
                    "Invalid value '\(text)' for '--seed': expected a whole number from 0 to \(UInt64.max).",
                    commandPath: arguments.commandPath)
            }
            seed = value
        }
        var strategies = BackoffSimulation.Strategy.article
        if let list = arguments.value("--strategies") {
            strategies = []
            for name in list.split(separator: ",", omittingEmptySubsequences: true).map({
                $0.trimmingCharacters(in: .whitespaces)
            }) {
                guard let strategy = BackoffSimulation.Strategy(rawValue: name) else {
                    let known = BackoffSimulation.Strategy.allCases.map(\.rawValue).joined(separator: ", ")
                    throw UsageError(
                        "Unknown strategy '\(name)' in '--strategies': expected some of \(known).",
                        commandPath: arguments.commandPath)
                }
                if !strategies.contains(strategy) { strategies.append(strategy) }
            }
            if strategies.isEmpty {
                throw UsageError("'--strategies' names no strategy.", commandPath: arguments.commandPath)
            }
        }
        let configuration = BackoffSimulation.Configuration(
            clients: clients, runs: runs, base: .microseconds(Int64(base * 1000)),
            cap: .microseconds(Int64(cap * 1000)),
            seed: seed)
        let progress = ProgressLine(context: context, label: "simulating")
        let results = BackoffSimulation(configuration: configuration).run(strategies: strategies) { done, total in
            progress.update(done: done, total: total)
        }
        progress.finish()
        if arguments.has("--json") {
            let output = Output(
                clients: clients, runs: runs, seed: seed, baseMs: base, capMs: cap,
                strategies: results.map {
                    .init(
                        name: $0.strategy.rawValue, calls: rounded($0.calls), timeMs: rounded($0.timeMilliseconds),
                        successfulWrites: $0.successfulWrites)
                })
            context.out(try JSONOutput.encode(output))
            return 0
        }
        context.out(render(results, configuration: configuration, base: base, cap: cap))
        return 0
    }

    private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    static func render(
        _ results: [BackoffSimulation.Result], configuration: BackoffSimulation.Configuration, base: Double, cap: Double
    ) -> String {
        var text =
            "\(configuration.clients) clients, \(configuration.runs) runs per strategy, base \(number(base)) ms, "
        text += "cap \(number(cap)) ms, seed \(configuration.seed) (means per run)\n\n"
        let nameWidth = max(8, results.map(\.strategy.rawValue.count).max() ?? 0)
        text +=
            "strategy".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "   " + pad("calls", 9) + "   "
            + pad("time (ms)", 10) + "\n"
        for result in results {
            text += result.strategy.rawValue.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "   "
            text +=
                pad(String(format: "%.1f", result.calls), 9) + "   "
                + pad(String(format: "%.0f", result.timeMilliseconds), 10) + "\n"
        }
        if results.count > 1,
            let fewest = results.min(by: { $0.calls < $1.calls }),
            let fastest = results.min(by: { $0.timeMilliseconds < $1.timeMilliseconds })
        {
            text += "\nFewest calls: \(fewest.strategy.rawValue). Fastest: \(fastest.strategy.rawValue).\n"
        }
        let lost = results.filter { $0.successfulWrites != configuration.clients * configuration.runs }
        if !lost.isEmpty {
            text += "Lost writes with: \(lost.map(\.strategy.rawValue).joined(separator: ", ")).\n"
        }
        return text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
