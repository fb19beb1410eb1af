import IntegrationPatterns
import Testing

@Suite("Retry budget")
struct RetryBudgetTests {
    @Test("with the AWS SDK's numbers a full bucket pays 100 retries, or 50 after timeouts, then none")
    func exhaustion() {
        let budget = RetryBudget()
        #expect(budget.availableTokens == 500)
        var retries = 0
        while budget.withdraw(for: .transient) != nil { retries += 1 }
        #expect(retries == 100)
        #expect(budget.availableTokens == 0)
        #expect(budget.withdraw(for: .transient) == nil)
        let timeouts = RetryBudget()
        var timeoutRetries = 0
        while timeouts.withdraw(for: .timeout) == 10 { timeoutRetries += 1 }
        #expect(timeoutRetries == 50)
    }

    @Test("first-time successes refund 1, a success after a retry refunds that retry, never above 500")
    func refill() {
        let budget = RetryBudget()
        while budget.withdraw(for: .transient) != nil {}
        for _ in 0..<4 { budget.recordSuccess() }
        #expect(budget.availableTokens == 4)
        #expect(budget.withdraw(for: .transient) == nil)
        budget.recordSuccess()
        #expect(budget.withdraw(for: .transient) == 5)
        budget.recordSuccess(lastRetryCost: 5)
        #expect(budget.availableTokens == 5)
        let full = RetryBudget()
        full.recordSuccess()
        full.recordSuccess(lastRetryCost: 10)
        #expect(full.availableTokens == 500)
    }

    @Test("a custom configuration is honoured")
    func custom() {
        let budget = RetryBudget(.init(capacity: 12, retryCost: 4, timeoutRetryCost: 6, successRefund: 2))
        #expect(budget.withdraw(for: .timeout) == 6)
        #expect(budget.withdraw(for: .transient) == 4)
        #expect(budget.withdraw(for: .transient) == nil)
        budget.recordSuccess()
        #expect(budget.availableTokens == 4)
    }
}
