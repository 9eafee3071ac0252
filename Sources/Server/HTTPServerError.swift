import Foundation

/// Why the server could not start, each naming what to fix.
public enum HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    case addressInUse(host: String, port: Int)
    case permissionDenied(host: String, port: Int)
    case unresolvableHost(String)
    case invalidPort(Int)
    case systemCallFailed(call: String, errno: Int32)
    case alreadyStarted
    /// The certificate or key could not be used, or the TLS settings do not hang together.
    case tls(TLSError)

    public var description: String {
        switch self {
        case .addressInUse(let host, let port):
            "cannot listen on \(host):\(port): the address is already in use (is another server running?)"
        case .permissionDenied(let host, let port):
            "cannot listen on \(host):\(port): permission denied (ports below 1024 need privileges)"
        case .unresolvableHost(let host): "cannot listen on '\(host)': not an address this machine has"
        case .invalidPort(let port): "port \(port) is outside 0...65535"
        case .systemCallFailed(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        case .alreadyStarted: "the server was already started"
        case .tls(let error): error.description
        }
    }
}
