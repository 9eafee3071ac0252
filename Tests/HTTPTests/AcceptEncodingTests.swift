import Testing

@testable import HTTP

@Suite struct AcceptEncodingTests {
    @Test(arguments: [
        ("gzip", true),
        ("GZIP", true),
        ("x-gzip", true),
        ("deflate, gzip;q=1.0, *;q=0.5", true),
        ("gzip, deflate, br", true),
        ("  gzip ; q=0.5 ", true),
        ("*", true),
        ("br;q=1.0, *;q=0.1", true),
        ("gzip;q=0.001", true),
        ("gzip;Q=0.8, identity;q=0.5", true),
        ("gzip;q=0.5, identity;q=0.5", true),
        ("gzip;level=1;q=0.9", true),
        ("identity;q=0, gzip;q=0.1", true),
        ("gzip;q=0", false),
        ("gzip;q=0.000", false),
        ("gzip;q=0, *", false),
        ("*;q=0", false),
        ("gzip;q=0.5, identity", false),
        ("identity", false),
        ("br, deflate", false),
        ("", false),
        ("gzip;q=abc", false),
        ("gzip;q=1.5", false),
        ("gzip;q=0.5555", false),
        ("gzip;q=1.001", false),
        ("gzip;q", false),
        ("gzipx", false),
    ])
    func gzipPreferredOrNot(_ field: String, _ expected: Bool) {
        #expect(AcceptEncoding([field]).prefersGzip == expected, "\(field)")
    }

    @Test func repeatedFieldsAreOneList() {
        #expect(AcceptEncoding(["br", "gzip"]).prefersGzip)
        #expect(!AcceptEncoding(["gzip;q=0.4", "identity;q=0.5"]).prefersGzip)
        #expect(AcceptEncoding(["identity;q=0.2", "*;q=0.3"]).prefersGzip)
    }

    @Test func weightsAreKeptInThousandths() {
        let parsed = AcceptEncoding(["gzip;q=0.75, identity;q=0.2, *;q=0"])
        #expect(parsed.gzip == 750)
        #expect(parsed.identity == 200)
        #expect(parsed.wildcard == 0)
        #expect(AcceptEncoding(["deflate"]) == AcceptEncoding([]))
    }

    @Test(arguments: [("0", 0), ("1", 1000), ("0.5", 500), ("0.25", 250), ("0.125", 125), ("1.000", 1000), ("0.", 0)])
    func qValues(_ text: String, _ thousandths: Int) {
        #expect(AcceptEncoding.qValue(Substring(text).utf8) == thousandths)
    }
}
