import Foundation
import IntegrationPatterns
import Testing

/// The Swift sample of Content/{en,es}/payment-edge-cases.md ("In ipm"), kept compiling and true.
@Suite("The payment-edge-cases page's sample")
struct PaymentPageSampleTests {
    @Test("the sample runs as the page says")
    func sample() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ipm-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let databasePath = directory.appendingPathComponent("payments.sqlite").path
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let dueBy = now.addingTimeInterval(7 * 24 * 3600)

        // --- from the page ---
        let cop = try Currency("COP")
        let price = try Money(parsing: "150000", currency: cop)  // 15000000 minor units

        let rules = StripeCurrencyRules()
        let stripe = try rules.stripeAmount(for: price, purpose: .charge(.card))
        // stripe.amount == 15000000, stripe.currency == "cop", stripe.warnings == []

        let keys = try SQLiteIdempotencyKeyRegistry(database: SQLiteDatabase(path: databasePath))
        let charge = OutboundOperation(
            entity: "order-8812", action: "charge",
            parameters: ["amount": String(stripe.amount ?? 0), "currency": stripe.currency])
        let key = try await keys.key(for: charge)  // "order-8812-charge" on every retry

        var refunds = RefundLedger(captured: price)
        try refunds.requestRefund(Money(parsing: "40000", currency: cop), reference: "refund-1")
        try refunds.requestRefund(Money(parsing: "60000", currency: cop), reference: "refund-2")
        // refunds.refundable is 50,000.00 COP; a third 60,000 throws RefundLedgerError

        var subscription = SubscriptionLifecycle(policy: DunningPolicy(afterFinalAttempt: .markUnpaid))
        _ = subscription.apply(
            .subscription(.subscriptionCreated, id: "evt_0", created: now, status: .active))
        let outcome = subscription.apply(
            .invoicePaymentFailed(
                id: "evt_1", created: now + 60, invoice: "in_1", attempt: 1, nextAttempt: dueBy))
        // outcome.actions: statusChanged(active → past_due), notifyPaymentFailed(in_1, 1, dueBy)

        var dispute = DisputeLifecycle()
        let opened = dispute.apply(
            .dispute(
                .created, id: "evt_2", created: now, dispute: "du_1", status: .needsResponse,
                amount: price, evidenceDueBy: dueBy))
        // opened.actions: statusChanged(nil → needs_response), respondBy(dueBy)
        // --- end ---

        #expect(price.minorUnits == 15_000_000)
        #expect(stripe.amount == 15_000_000 && stripe.currency == "cop" && stripe.warnings.isEmpty)
        #expect(key == "order-8812-charge")
        #expect(try await keys.key(for: charge) == key)
        #expect(refunds.refundable == (try Money(parsing: "50000", currency: cop)))
        #expect(throws: RefundLedgerError.self) {
            try refunds.requestRefund(Money(parsing: "60000", currency: cop), reference: "refund-3")
        }
        #expect(
            outcome.actions == [
                .statusChanged(from: .active, to: .pastDue),
                .notifyPaymentFailed(invoiceID: "in_1", attempt: 1, nextAttemptAt: dueBy),
            ])
        #expect(opened.actions == [.statusChanged(from: nil, to: .needsResponse), .respondBy(dueBy)])
    }

    @Test("the pages show the same code as this test, in both languages", arguments: ["en", "es"])
    func pagesMatch(language: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..")
        let test = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let start = try #require(test.range(of: "        // --- from the page ---\n"))
        let end = try #require(test.range(of: "        // --- end ---", range: start.upperBound..<test.endIndex))
        let tested = test[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.dropFirst(8).replacing("databasePath", with: "\"payments.sqlite\"") }
            .filter { !$0.hasPrefix("//") }
        let page = try String(
            contentsOf: root.appendingPathComponent("Content/\(language)/payment-edge-cases.md").standardized,
            encoding: .utf8)
        let heading = language == "en" ? "## In ipm\n\n```swift\n" : "## En ipm\n\n```swift\n"
        let blockStart = try #require(page.range(of: heading))
        let blockEnd = try #require(page.range(of: "```\n", range: blockStart.upperBound..<page.endIndex))
        let shown = page[blockStart.upperBound..<blockEnd.lowerBound].split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .dropFirst(3).map { Substring($0) }.filter { !$0.hasPrefix("//") }
        // Comments are translated; the code itself must be the same, line for line (trailing comments aside).
        func code(_ line: Substring) -> String {
            String(line.split(separator: "  // ", maxSplits: 1).first ?? line)
        }
        #expect(shown.count > 25)
        #expect(shown.map(code) == tested.map(code))
    }

    @Test("the stripe-integration page's dunning loop sends one email per failed attempt")
    func storySample() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let account = "acct_42"
        var log: [String] = []
        func provision(_ account: String) { log.append("provision \(account)") }
        func revoke(_ account: String) { log.append("revoke \(account)") }
        func sendPaymentFailedEmail(attempt: Int, nextAttempt: Date?) { log.append("email attempt \(attempt)") }
        func sendAuthenticationLink(_ invoiceID: String) { log.append("link \(invoiceID)") }
        let failed = SubscriptionLifecycle.Event.invoicePaymentFailed(
            id: "evt_1", created: now, invoice: "in_1", attempt: 1, nextAttempt: now + 86_400)
        let deliveries: [SubscriptionLifecycle.Event] =
            [.subscription(.subscriptionCreated, id: "evt_0", created: now - 60, status: .active)]
            + Array(repeating: failed, count: 8)

        // --- from the page ---
        var subscription = SubscriptionLifecycle(policy: DunningPolicy(afterFinalAttempt: .markUnpaid))
        for event in deliveries {
            let outcome = subscription.apply(event)
            for action in outcome.actions {
                switch action {
                case .grantAccess: provision(account)
                case .revokeAccess: revoke(account)
                case .notifyPaymentFailed(_, let attempt, let nextAttemptAt):
                    sendPaymentFailedEmail(attempt: attempt, nextAttempt: nextAttemptAt)
                case .requestAuthentication(let invoiceID): sendAuthenticationLink(invoiceID)
                default: break
                }
            }
        }
        // --- end ---

        #expect(log == ["provision acct_42", "email attempt 1"])
    }
}
