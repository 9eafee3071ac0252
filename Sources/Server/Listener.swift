/// One listening socket of an event loop and what its connections speak.
struct Listener {
    var fileDescriptor: Int32
    /// Nil for plain HTTP; else each accepted connection starts TLS from the holder's current context.
    let tls: TLSContextHolder?
    /// What answers requests on its connections: the application, or the redirect to HTTPS.
    let responder: any HTTPResponder
}
