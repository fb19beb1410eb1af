import Foundation
import IntegrationPatterns
import Testing

@Suite("Retry-After")
struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 1_445_412_473)  // Wed, 21 Oct 2015 07:27:53 GMT

    @Test("delta-seconds and the three HTTP date forms of RFC 9110 parse; anything else does not")
    func parsing() throws {
        #expect(RetryAfter(headerValue: "120") == .delay(.seconds(120)))
        #expect(RetryAfter(headerValue: " 7 ") == .delay(.seconds(7)))
        #expect(RetryAfter(headerValue: "0") == .delay(.zero))
        let date = Date(timeIntervalSince1970: 1_445_412_480)  // 07:28:00
        #expect(RetryAfter(headerValue: "Wed, 21 Oct 2015 07:28:00 GMT") == .date(date))
        #expect(RetryAfter(headerValue: "Wednesday, 21-Oct-15 07:28:00 GMT") == .date(date))
        #expect(RetryAfter(headerValue: "Wed Oct 21 07:28:00 2015") == .date(date))
        for bad in ["", "-5", "1.5", "soon", "Wed, 21 Oct 2015", "12 seconds"] {
            #expect(RetryAfter(headerValue: bad) == nil, "\(bad)")
        }
        #expect(RetryAfter(headerValue: "99999999999999999999999") == .delay(.seconds(Int64(Int32.max))))
        #expect(RetryAfter(headers: ["retry-after": "3"]) == .delay(.seconds(3)))
        #expect(RetryAfter(headers: ["Content-Type": "text/plain"]) == nil)
    }

    @Test("a date is a lower bound rounded up to whole seconds: 7.2 s away means 8 s; the past means now")
    func waitRoundsUp() {
        #expect(RetryAfter.date(now.addingTimeInterval(7.2)).wait(from: now) == .seconds(8))
        #expect(RetryAfter.date(now.addingTimeInterval(7)).wait(from: now) == .seconds(7))
        #expect(RetryAfter.date(now.addingTimeInterval(0.001)).wait(from: now) == .seconds(1))
        #expect(RetryAfter.date(now.addingTimeInterval(-30)).wait(from: now) == .zero)
        #expect(RetryAfter.delay(.milliseconds(1500)).wait(from: now) == .milliseconds(1500))
    }

    @Test("sent values round up to whole seconds and dates are IMF-fixdate")
    func headerValues() {
        #expect(RetryAfter.delay(.milliseconds(120)).headerValue == "1")
        #expect(RetryAfter.delay(.seconds(2)).headerValue == "2")
        #expect(RetryAfter.delay(.milliseconds(2001)).headerValue == "3")
        #expect(RetryAfter.delay(.zero).headerValue == "0")
        #expect(
            RetryAfter.date(Date(timeIntervalSince1970: 1_445_412_480)).headerValue == "Wed, 21 Oct 2015 07:28:00 GMT")
        #expect(HTTPResponseError(statusCode: 429, headers: ["Retry-After": "5"]).retryAfter == .delay(.seconds(5)))
    }
}
