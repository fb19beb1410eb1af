import Foundation
import IntegrationPatterns
import Testing

@Suite("RefundLedger: partial refunds never exceed the captured amount")
struct RefundLedgerTests {
    typealias Event = RefundLedger.Event
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
    /// An amount in pesos, parsed as the page writes it.
    static func cop(_ text: String) -> Money {
        do {
            return try Money(parsing: text, currencyCode: "COP")
        } catch {
            Issue.record("\(error)")
            return Money.zero(CurrencyTable.standard["COP"]!)
        }
    }
    static let captured = cop("150000")

    static func apply(_ ledger: inout RefundLedger, _ event: Event) { _ = ledger.apply(event) }

    @Test("the worked example: 40,000 then 60,000 COP pass; a third 60,000 exceeds by 10,000 and is refused")
    func workedExample() throws {
        var ledger = RefundLedger(captured: Self.captured)
        let afterFirst = try ledger.requestRefund(Self.cop("40000"), reference: "order-8812-refund-1")
        #expect(afterFirst == Self.cop("110000"))
        let afterSecond = try ledger.requestRefund(Self.cop("60000"), reference: "order-8812-refund-2")
        #expect(afterSecond == Self.cop("50000"))
        #expect(ledger.refundable.minorUnits == 5_000_000)
        let error = try #require(throws: RefundLedgerError.self) {
            try ledger.requestRefund(Self.cop("60000"), reference: "order-8812-refund-3")
        }
        #expect(error.code == .exceedsRefundable)
        #expect(
            error.message == "Refund of 60,000.00 COP exceeds what is refundable, 50,000.00 COP of 150,000.00 COP "
                + "captured, by 10,000.00 COP.")
        #expect(ledger.reserved == Self.cop("100000"))
    }

    @Test(
        "a repeated request is idempotent; a reference reused for another amount, another currency or zero is refused")
    func requests() throws {
        var ledger = RefundLedger(captured: Self.captured)
        try ledger.requestRefund(Self.cop("40000"), reference: "r1")
        try ledger.requestRefund(Self.cop("40000"), reference: "r1")
        #expect(ledger.reserved == Self.cop("40000"))
        #expect(throws: RefundLedgerError.self) { try ledger.requestRefund(Self.cop("1"), reference: "r1") }
        #expect(throws: RefundLedgerError.self) { try ledger.requestRefund(Self.cop("0"), reference: "r2") }
        #expect(throws: RefundLedgerError.self) {
            try ledger.requestRefund(try Money(parsing: "10", currencyCode: "USD"), reference: "r3")
        }
        let released = ledger.releaseRequest(reference: "r1")
        #expect(released)
        let releasedAgain = ledger.releaseRequest(reference: "r1")
        #expect(!releasedAgain)
        #expect(ledger.refundable == Self.captured)
    }

    static let twoRefunds: [Event] = [
        .refund(
            .refundCreated, id: "evt_1", created: at(1), refund: "re_1", amount: cop("40000"), status: .pending,
            reference: "r1"),
        .refund(
            .refundUpdated, id: "evt_2", created: at(2), refund: "re_1", amount: cop("40000"), status: .succeeded,
            reference: "r1"),
        .refund(
            .refundCreated, id: "evt_3", created: at(3), refund: "re_2", amount: cop("60000"), status: .succeeded,
            reference: "r2"),
        .chargeRefunded(
            id: "evt_4", created: at(3), amountRefunded: cop("100000"), previousAmountRefunded: cop("40000")),
        .chargeRefunded(id: "evt_5", created: at(2), amountRefunded: cop("40000"), previousAmountRefunded: cop("0")),
    ]

    @Test("events settle the reservations; charge.refunded's delta is what that event refunded")
    func events() throws {
        var ledger = RefundLedger(captured: Self.captured)
        try ledger.requestRefund(Self.cop("40000"), reference: "r1")
        try ledger.requestRefund(Self.cop("60000"), reference: "r2")
        #expect(
            ledger.apply(Self.twoRefunds[0]).actions == [
                .statusChanged(refundID: "re_1", from: nil, to: .pending),
                .refundPending(refundID: "re_1", amount: Self.cop("40000")),
            ])
        #expect(ledger.inFlight == Self.cop("40000"))
        #expect(ledger.reserved == Self.cop("60000"))
        _ = ledger.apply(Self.twoRefunds[1])
        _ = ledger.apply(Self.twoRefunds[2])
        let charge = ledger.apply(Self.twoRefunds[3])
        #expect(charge.actions == [.chargeRefunded(total: Self.cop("100000"), delta: Self.cop("60000"))])
        let older = ledger.apply(Self.twoRefunds[4])
        #expect(older.disposition == .stale)
        #expect(ledger.refunded == Self.cop("100000"))
        #expect(ledger.reserved.isZero)
        #expect(ledger.refundable == Self.cop("50000"))
        #expect(ledger.reportedAmountRefunded == Self.cop("100000"))
        #expect(!ledger.isFullyRefunded)
    }

    @Test("a failed refund gives its amount back; a succeeded one may still fail; failed ones do not come back")
    func failures() throws {
        var ledger = RefundLedger(captured: Self.captured)
        _ = ledger.apply(
            .refund(
                .refundCreated, id: "evt_1", created: Self.at(1), refund: "re_1", amount: Self.cop("150000"),
                status: .succeeded))
        #expect(ledger.isFullyRefunded)
        #expect(ledger.refundable.isZero)
        let failed = ledger.apply(
            Event(
                id: "evt_2", type: "refund.failed", created: Self.at(60), refundID: "re_1", amount: Self.cop("150000"),
                failureReason: "expired_or_canceled_card"))
        #expect(
            failed.actions == [
                .statusChanged(refundID: "re_1", from: .succeeded, to: .failed),
                .refundFailed(refundID: "re_1", amount: Self.cop("150000"), reason: "expired_or_canceled_card"),
            ])
        #expect(ledger.refundable == Self.captured)
        #expect(ledger.refund(id: "re_1")?.failureReason == "expired_or_canceled_card")
        let back = ledger.apply(
            .refund(
                .refundUpdated, id: "evt_3", created: Self.at(61), refund: "re_1", amount: Self.cop("150000"),
                status: .succeeded))
        #expect(back.actions.contains(.unexpectedTransition(refundID: "re_1", from: .failed, to: .succeeded)))
    }

    @Test("only a requires_action refund can be canceled; canceling returns its amount")
    func cancel() {
        var ledger = RefundLedger(captured: Self.captured)
        _ = ledger.apply(
            .refund(
                .refundCreated, id: "evt_1", created: Self.at(1), refund: "re_1", amount: Self.cop("1000"),
                status: .requiresAction))
        _ = ledger.apply(
            .refund(
                .refundCreated, id: "evt_2", created: Self.at(1), refund: "re_2", amount: Self.cop("2000"),
                status: .pending))
        #expect(ledger.canCancel(refundID: "re_1"))
        #expect(!ledger.canCancel(refundID: "re_2"))
        #expect(ledger.inFlight == Self.cop("3000"))
        _ = ledger.apply(
            .refund(
                .refundUpdated, id: "evt_3", created: Self.at(2), refund: "re_1", amount: Self.cop("1000"),
                status: .canceled))
        #expect(ledger.inFlight == Self.cop("2000"))
        #expect(!ledger.canCancel(refundID: "re_1"))
    }

    @Test("the provider reporting more than was captured raises an alert")
    func overRefunded() {
        var ledger = RefundLedger(captured: Self.cop("100"))
        _ = ledger.apply(
            .refund(
                .refundCreated, id: "evt_1", created: Self.at(1), refund: "re_1", amount: Self.cop("80"),
                status: .succeeded))
        let over = ledger.apply(
            .refund(
                .refundCreated, id: "evt_2", created: Self.at(2), refund: "re_2", amount: Self.cop("30"),
                status: .pending))
        #expect(over.actions.contains(.exceedsCaptured(total: Self.cop("110"))))
        #expect(ledger.refundable.isZero)
        let reported = ledger.apply(
            .chargeRefunded(
                id: "evt_3", created: Self.at(3), amountRefunded: Self.cop("110"), previousAmountRefunded: nil))
        #expect(reported.actions.contains(.exceedsCaptured(total: Self.cop("110"))))
        let withoutRefund = ledger.apply(Event(id: "evt_4", type: "refund.updated", created: Self.at(4)))
        #expect(withoutRefund.disposition == .unusable)
    }

    @Test("two partial refunds: every order of the five events plus duplicates ends with the same totals")
    func converges() throws {
        var start = RefundLedger(captured: Self.captured)
        try start.requestRefund(Self.cop("40000"), reference: "r1")
        try start.requestRefund(Self.cop("60000"), reference: "r2")
        let events = Self.twoRefunds + [Self.twoRefunds[0], Self.twoRefunds[3]]
        let final = Orderings.finalState(of: start, orders: Orderings.permutations(events), apply: Self.apply)
        #expect(final.refunded == Self.cop("100000"))
        #expect(final.inFlight.isZero)
        #expect(final.reserved.isZero)
        #expect(final.refundable == Self.cop("50000"))
        #expect(final.reportedAmountRefunded == Self.cop("100000"))
    }

    @Test("pending, failed and canceled refunds in the same second converge by status rank")
    func sameSecondConverges() {
        let events: [Event] = [
            .refund(
                .refundCreated, id: "evt_c", created: Self.t0, refund: "re_1", amount: Self.cop("1000"),
                status: .pending),
            .refund(
                .refundUpdated, id: "evt_b", created: Self.t0, refund: "re_1", amount: Self.cop("1000"), status: .failed
            ),
            .refund(
                .refundCreated, id: "evt_a", created: Self.t0, refund: "re_2", amount: Self.cop("2000"),
                status: .requiresAction),
            .refund(
                .refundUpdated, id: "evt_d", created: Self.t0, refund: "re_2", amount: Self.cop("2000"),
                status: .canceled),
        ]
        let final = Orderings.finalState(
            of: RefundLedger(captured: Self.captured), orders: Orderings.permutations(events + [events[1]]),
            apply: Self.apply)
        #expect(final.refund(id: "re_1")?.status == .failed)
        #expect(final.refund(id: "re_2")?.status == .canceled)
        #expect(final.refundable == Self.captured)
    }
}
