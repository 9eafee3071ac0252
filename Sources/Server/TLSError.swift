import Foundation

/// Why TLS could not be set up or reloaded. Each message names the file, the setting it came from
/// and what is wrong with it, because it is all an operator sees of a server that would not start.
public enum TLSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Only one of certificate and key was given, or a plain-HTTP mode needs TLS that is off.
    case incompleteConfiguration(String)
    case unreadableFile(TLSFile, path: String, reason: String)
    case invalidCertificate(path: String, reason: String)
    case invalidPrivateKey(path: String, reason: String)
    case encryptedPrivateKey(path: String)
    case keyMismatch(certificatePath: String, privateKeyPath: String)
    case setupFailed(String)

    /// The two files TLS reads, by the setting that names them.
    public enum TLSFile: String, Sendable, Equatable {
        case certificate = "tls.certificate"
        case privateKey = "tls.privateKey"

        var noun: String { self == .certificate ? "certificate" : "private key" }
    }

    public var description: String {
        switch self {
        case .incompleteConfiguration(let message):
            "TLS configuration: \(message)"
        case .unreadableFile(let file, let path, let reason):
            "cannot read the TLS \(file.noun) \(path) (\(file.rawValue)): \(reason)"
        case .invalidCertificate(let path, let reason):
            "the TLS certificate \(path) (tls.certificate) is not a usable PEM certificate: \(reason)"
        case .invalidPrivateKey(let path, let reason):
            "the TLS private key \(path) (tls.privateKey) is not a usable PEM private key: \(reason)"
        case .encryptedPrivateKey(let path):
            "the TLS private key \(path) (tls.privateKey) is password-protected; newsdesk never asks for a "
                + "password: store the key unencrypted (openssl pkey -in KEY -out PLAIN.pem) and guard it with "
                + "file permissions"
        case .keyMismatch(let certificatePath, let privateKeyPath):
            "the TLS private key \(privateKeyPath) (tls.privateKey) does not match the certificate "
                + "\(certificatePath) (tls.certificate)"
        case .setupFailed(let reason):
            "TLS set-up failed: \(reason)"
        }
    }
}
