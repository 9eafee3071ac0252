import HTTP

/// What a parser made of a byte stream: the requests it completed (method, target, version,
/// fields and body) and the error it stopped on. `100 Continue` events are left out because they
/// depend on where the stream was cut by design.
struct ParseTrace: Equatable, CustomStringConvertible {
    struct Request: Equatable {
        var head: String
        var fields: [String]
        var body: [UInt8]
    }

    var requests: [Request] = []
    var error: HTTPRequestError?

    init(feeding pieces: [ArraySlice<UInt8>], limits: HTTPLimits) {
        var parser = RequestParser(limits: limits)
        for piece in pieces {
            parser.append(contentsOf: piece)
            do {
                while let event = try parser.next() {
                    guard case .request(let request) = event else { continue }
                    requests.append(
                        Request(
                            head: "\(request.method) \(request.target) \(request.version)",
                            fields: request.headers.map { "\($0.name): \($0.value)" }, body: request.body))
                }
            } catch {
                self.error = error
                return
            }
        }
    }

    var description: String { "\(requests.count) requests, error \(error.map { "\($0)" } ?? "none")" }
}
