extension ServerConfiguration {
    /// The HTTPS listener. Setting both files turns it on, on its own port beside plain HTTP.
    public struct TLS: Sendable, Hashable {
        /// PEM certificate chain, the server's certificate first, then intermediates.
        public var certificatePath = ""
        /// PEM private key of that certificate, unencrypted (the server never asks for a password).
        public var privateKeyPath = ""
        /// The HTTPS port; 0 picks a free one.
        public var port = 8443
        /// From accept to a finished handshake; a client slower than this is disconnected.
        public var handshakeTimeoutSeconds: Double = 10
        /// What plain HTTP on `ServerConfiguration.port` does while HTTPS is on.
        public var plainHTTP = PlainHTTP.serve

        public init() {}

        /// Either file set: HTTPS is wanted (start-up checks that both are).
        public var isRequested: Bool { !certificatePath.isEmpty || !privateKeyPath.isEmpty }
    }

    public enum PlainHTTP: String, Sendable, Hashable, CaseIterable {
        /// Serve the API over plain HTTP too.
        case serve
        /// Answer every plain-HTTP request with 308 to the same target over HTTPS.
        case redirect
        /// No plain-HTTP listener at all.
        case off
    }
}
